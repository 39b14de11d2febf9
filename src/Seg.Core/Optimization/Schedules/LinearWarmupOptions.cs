namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// <c>paddle.optimizer.lr.LinearWarmup</c>'s arguments. <see cref="LearningRate"/> is the schedule that follows the
/// warmup (an <see cref="LrSchedule"/>, or in YAML a dict with <c>type:</c>) or a constant (a number).
/// </summary>
public sealed record LinearWarmupOptions
{
    public required object LearningRate { get; init; }

    public required int WarmupSteps { get; init; }

    public required double StartLr { get; init; }

    public required double EndLr { get; init; }
}
