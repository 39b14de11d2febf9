namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: ResizeStepScaling</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record ResizeStepScalingOptions
{
    public double MinScaleFactor { get; init; } = 0.75;

    public double MaxScaleFactor { get; init; } = 1.25;

    public double ScaleStepSize { get; init; } = 0.25;
}
