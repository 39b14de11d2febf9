namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.OneCycleLR</c>'s arguments.</summary>
public sealed record OneCycleLROptions
{
    public required double MaxLearningRate { get; init; }

    public required int TotalSteps { get; init; }

    public double DivideFactor { get; init; } = 25.0;

    public double EndLearningRate { get; init; } = 0.0001;

    public double PhasePct { get; init; } = 0.3;

    /// <summary>"cos" or "linear".</summary>
    public string AnnealStrategy { get; init; } = "cos";

    public bool ThreePhase { get; init; }
}
