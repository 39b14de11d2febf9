namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.StepDecay</c>'s arguments.</summary>
public sealed record StepDecayOptions
{
    public required double LearningRate { get; init; }

    public required int StepSize { get; init; }

    public double Gamma { get; init; } = 0.1;
}
