using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.CosineAnnealingDecay</c>'s arguments.</summary>
public sealed record CosineAnnealingDecayOptions
{
    public required double LearningRate { get; init; }

    [ConfigName("T_max")]
    public required int TMax { get; init; }

    public double EtaMin { get; init; }
}
