using Seg.Models.Layers;
using Seg.Core.Registry;
using Seg.Core.Contracts;

namespace Seg.Models.Segmentation;

/// <summary>The YAML keys of <c>type: OCRNet</c> with PaddleSeg's defaults.</summary>
public sealed record OCRNetOptions : IBackboneModelOptions
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>One index (soft regions and pixels from the same output) or two ([soft regions, pixels]).</summary>
    public required IReadOnlyList<int> BackboneIndices { get; init; }

    /// <summary>Channels of the pixel representation and of the object-contextual output.</summary>
    public long OcrMidChannels { get; init; } = 512;

    /// <summary>Channels of the attention's queries, keys and values.</summary>
    public long OcrKeyChannels { get; init; } = 256;

    public bool AlignCorners { get; init; }

    /// <summary>Whole-model weights (a safetensors file or checkpoint folder, keys relative to the model), loaded at the end of construction over the backbone's.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate(ConfiguredChildren children)
    {
        if (OcrMidChannels < 1 || OcrKeyChannels < 1) return ("ocr_mid_channels", "ocr_mid_channels and ocr_key_channels must be positive.");
        return BackboneIndicesCheck.Validate(BackboneIndices, children, "one index, or [soft regions, pixels], e.g. [0]", 1, 2);
    }
}
