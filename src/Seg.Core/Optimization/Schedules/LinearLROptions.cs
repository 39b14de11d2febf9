namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.LinearLR</c>'s arguments.</summary>
public sealed record LinearLROptions
{
    public required double LearningRate { get; init; }

    public required int TotalSteps { get; init; }

    public double StartFactor { get; init; } = 1.0 / 3;

    public double EndFactor { get; init; } = 1.0;
}
