namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.NaturalExpDecay</c>'s arguments.</summary>
public sealed record NaturalExpDecayOptions
{
    public required double LearningRate { get; init; }

    public required double Gamma { get; init; }
}
