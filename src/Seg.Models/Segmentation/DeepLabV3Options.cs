using Seg.Models.Layers;
using Seg.Core.Registry;
using Seg.Core.Contracts;

namespace Seg.Models.Segmentation;

/// <summary>The YAML keys of <c>type: DeepLabV3</c> with PaddleSeg's defaults.</summary>
public sealed record DeepLabV3Options : IBackboneModelOptions
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>The backbone output that feeds ASPP.</summary>
    public IReadOnlyList<int> BackboneIndices { get; init; } = [3];

    /// <summary>Dilation of each ASPP branch (1: a 1×1 conv).</summary>
    public IReadOnlyList<long> AsppRatios { get; init; } = [1, 6, 12, 18];

    public long AsppOutChannels { get; init; } = 256;

    public bool AlignCorners { get; init; }

    /// <summary>Whole-model weights (a safetensors file or checkpoint folder, keys relative to the model), loaded at the end of construction over the backbone's.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate(ConfiguredChildren children)
    {
        if (AsppRatios.Count == 0 || AsppRatios.Any(r => r < 1))
            return ("aspp_ratios", $"needs at least one positive dilation (1: a 1x1 branch), e.g. [1, 12, 24, 36], got {OptionsValidation.List(AsppRatios)}.");
        if (AsppOutChannels < 1) return ("aspp_out_channels", $"must be positive, got {AsppOutChannels}.");
        return BackboneIndicesCheck.Validate(BackboneIndices, children, "the ASPP input, e.g. [3]", 1);
    }
}
