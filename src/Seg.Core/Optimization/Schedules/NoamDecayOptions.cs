namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.NoamDecay</c>'s arguments.</summary>
public sealed record NoamDecayOptions
{
    public required double DModel { get; init; }

    public required int WarmupSteps { get; init; }

    public double LearningRate { get; init; } = 1.0;
}
