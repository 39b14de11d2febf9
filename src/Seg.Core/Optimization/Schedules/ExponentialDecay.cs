using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·gamma^t.</summary>
[SegComponent("ExponentialDecay", ComponentKind.LrScheduler)]
public sealed class ExponentialDecay : LrSchedule
{
    public ExponentialDecay(ExponentialDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public ExponentialDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        return Options.LearningRate * Math.Pow(Options.Gamma, step);
    }
}
