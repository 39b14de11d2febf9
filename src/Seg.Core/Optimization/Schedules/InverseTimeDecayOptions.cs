namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.InverseTimeDecay</c>'s arguments.</summary>
public sealed record InverseTimeDecayOptions
{
    public required double LearningRate { get; init; }

    public required double Gamma { get; init; }
}
