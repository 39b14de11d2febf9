using Seg.Models.Layers;
using Seg.Core.Registry;
using Seg.Core.Contracts;

namespace Seg.Models.Segmentation;

/// <summary>The YAML keys of <c>type: PSPNet</c> with PaddleSeg's defaults.</summary>
public sealed record PSPNetOptions : IBackboneModelOptions
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>[auxiliary feature, pyramid pooling input] backbone outputs.</summary>
    public IReadOnlyList<int> BackboneIndices { get; init; } = [2, 3];

    /// <summary>Output channels of the pyramid pooling module.</summary>
    public long PpOutChannels { get; init; } = 1024;

    /// <summary>The pooled sizes of the pyramid levels.</summary>
    public IReadOnlyList<long> BinSizes { get; init; } = [1, 2, 3, 6];

    /// <summary>Adds the auxiliary head's logits (from the first backbone index) as a second output, in training and eval.</summary>
    public bool EnableAuxiliaryLoss { get; init; } = true;

    public bool AlignCorners { get; init; }

    /// <summary>Whole-model weights (a safetensors file or checkpoint folder, keys relative to the model), loaded at the end of construction over the backbone's.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate(ConfiguredChildren children)
    {
        if (BinSizes.Count == 0 || BinSizes.Any(b => b < 1))
            return ("bin_sizes", $"needs at least one positive pooled size (PaddleSeg's default is [1, 2, 3, 6]), got {OptionsValidation.List(BinSizes)}.");
        if (PpOutChannels < 1) return ("pp_out_channels", $"must be positive, got {PpOutChannels}.");
        return BackboneIndicesCheck.Validate(BackboneIndices, children, "[auxiliary feature, pyramid pooling input], e.g. [2, 3]", 2);
    }
}
