namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.MultiStepDecay</c>'s arguments.</summary>
public sealed record MultiStepDecayOptions
{
    public required double LearningRate { get; init; }

    /// <summary>Strictly increasing steps at which the lr is multiplied by gamma.</summary>
    public required IReadOnlyList<int> Milestones { get; init; }

    public double Gamma { get; init; } = 0.1;
}
