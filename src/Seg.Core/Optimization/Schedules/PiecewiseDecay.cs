using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = values[i] for the first boundary with t &lt; boundaries[i], else the last value.</summary>
[SegComponent("PiecewiseDecay", ComponentKind.LrScheduler)]
public sealed class PiecewiseDecay : LrSchedule
{
    public PiecewiseDecay(PiecewiseDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Boundaries);
        ArgumentNullException.ThrowIfNull(options.Values);
        if (options.Values.Count != options.Boundaries.Count + 1)
            throw new ArgumentException($"'values' needs one more entry than 'boundaries' ({options.Boundaries.Count + 1}), got {options.Values.Count}");
        Options = options;
    }

    public PiecewiseDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        for (var i = 0; i < Options.Boundaries.Count; i++)
            if (step < Options.Boundaries[i]) return Options.Values[i];
        return Options.Values[^1];
    }
}
