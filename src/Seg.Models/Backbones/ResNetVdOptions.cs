namespace Seg.Models.Backbones;

/// <summary>The YAML keys of <c>type: ResNet18_vd / ResNet50_vd / ResNet101_vd</c> (PaddleSeg's ResNet_vd arguments).</summary>
public sealed record ResNetVdOptions
{
    /// <summary>8 (stages 3 and 4 dilated 2 and 4), 16 (stage 4 dilated 2) or 32 (no dilation).</summary>
    public int OutputStride { get; init; } = 8;

    /// <summary>Dilation multipliers of the blocks of stage 4 (one per block).</summary>
    public IReadOnlyList<int> MultiGrid { get; init; } = [1, 1, 1];

    public long InChannels { get; init; } = 3;

    /// <summary>Backbone weights (a safetensors file or checkpoint folder, keys relative to the backbone), loaded at the end of construction.</summary>
    public string? Pretrained { get; init; }
}
