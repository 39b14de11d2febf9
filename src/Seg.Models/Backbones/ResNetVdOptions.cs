using Seg.Models.Layers;
using Seg.Core.Registry;
namespace Seg.Models.Backbones;

/// <summary>The YAML keys of <c>type: ResNet18_vd / ResNet50_vd / ResNet101_vd</c> (PaddleSeg's ResNet_vd arguments).</summary>
public sealed record ResNetVdOptions : IValidatedOptions
{
    /// <summary>8 (stages 3 and 4 dilated 2 and 4), 16 (stage 4 dilated 2) or 32 (no dilation).</summary>
    public int OutputStride { get; init; } = 8;

    /// <summary>Dilation multipliers of the blocks of stage 4 (one per block).</summary>
    public IReadOnlyList<int> MultiGrid { get; init; } = [1, 1, 1];

    public long InChannels { get; init; } = 3;

    /// <summary>Backbone weights (a safetensors file or checkpoint folder, keys relative to the backbone), loaded at the end of construction.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate()
    {
        if (OutputStride is not (8 or 16 or 32))
            return ("output_stride", $"{OutputStride} is not allowed; write 8 (stages 3 and 4 dilated), 16 (stage 4 dilated) or 32 (no dilation).");
        if (MultiGrid is null || MultiGrid.Count == 0 || MultiGrid.Any(g => g < 1))
            return ("multi_grid", $"needs one positive dilation multiplier per block of stage 4 (e.g. [1, 2, 4]), got {OptionsValidation.List(MultiGrid ?? [])}.");
        return null;
    }
}
