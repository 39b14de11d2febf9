namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: ResizeRangeScaling</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record ResizeRangeScalingOptions
{
    public int MinValue { get; init; } = 400;

    public int MaxValue { get; init; } = 600;
}
