namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.PiecewiseDecay</c>'s arguments (it has no <c>learning_rate</c>).</summary>
public sealed record PiecewiseDecayOptions
{
    public required IReadOnlyList<int> Boundaries { get; init; }

    /// <summary>One more value than boundaries: values[i] before boundaries[i], the last after the last boundary.</summary>
    public required IReadOnlyList<double> Values { get; init; }
}
