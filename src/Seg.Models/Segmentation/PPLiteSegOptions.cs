using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Models.Heads;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>The YAML keys of <c>type: PPLiteSeg</c> with PaddleSeg's defaults (PP-LiteSeg-B's channels).</summary>
public sealed record PPLiteSegOptions : IValidatedWithChildren
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>Which backbone outputs feed the decoder, shallow to deep.</summary>
    public IReadOnlyList<int> BackboneIndices { get; init; } = [2, 3, 4];

    public ArmType ArmType { get; init; } = ArmType.UAFM_SpAtten;

    public IReadOnlyList<long> CmBinSizes { get; init; } = [1, 2, 4];

    /// <summary>Output channels of the context module.</summary>
    public long CmOutCh { get; init; } = 128;

    /// <summary>Output channels of each fusion module (one value is repeated for every level).</summary>
    public IReadOnlyList<long> ArmOutChs { get; init; } = [64, 96, 128];

    /// <summary>Middle channels of each seg head (one value is repeated for every level).</summary>
    public IReadOnlyList<long> SegHeadInterChs { get; init; } = [64, 64, 64];

    /// <summary>How the decoder upsamples the deeper level.</summary>
    public ResizeMode ResizeMode { get; init; } = ResizeMode.Bilinear;

    /// <summary>Whole-model weights (a safetensors file or checkpoint folder, keys relative to the model), loaded at the end of construction over the backbone's.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate(ConfiguredChildren children)
    {
        var levels = BackboneIndices.Count;
        if (levels <= 1) return ("backbone_indices", $"needs at least 2 backbone outputs (shallow to deep, e.g. [2, 3, 4]), got {OptionsValidation.List(BackboneIndices)}.");
        if (ArmOutChs.Count != 1 && ArmOutChs.Count != levels)
            return ("arm_out_chs", $"needs one value or one per backbone_indices entry ({levels}), got {OptionsValidation.List(ArmOutChs)}.");
        if (SegHeadInterChs.Count != 1 && SegHeadInterChs.Count != levels)
            return ("seg_head_inter_chs", $"needs one value or one per backbone_indices entry ({levels}), got {OptionsValidation.List(SegHeadInterChs)}.");
        return BackboneIndicesCheck.InRange(BackboneIndices, children);
    }
}
