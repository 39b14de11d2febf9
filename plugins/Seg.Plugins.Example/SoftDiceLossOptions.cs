namespace Seg.Plugins.Example;

/// <summary>The YAML keys of <c>type: SoftDiceLoss</c>: PaddleSeg's DiceLoss arguments and defaults.</summary>
public sealed record SoftDiceLossOptions
{
    /// <summary>Per-class weights (one per class), or null for equal weights.</summary>
    public IReadOnlyList<float>? Weight { get; init; }

    public int IgnoreIndex { get; init; } = 255;

    public float Smooth { get; init; } = 1.0f;
}
