namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: Resize</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record ResizeOptions
{
    public IReadOnlyList<int> TargetSize { get; init; } = [512, 512];

    public bool KeepRatio { get; init; }

    public int? SizeDivisor { get; init; }

    public ResizeInterp Interp { get; init; } = ResizeInterp.Linear;
}
