namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.ExponentialDecay</c>'s arguments.</summary>
public sealed record ExponentialDecayOptions
{
    public required double LearningRate { get; init; }

    public required double Gamma { get; init; }
}
