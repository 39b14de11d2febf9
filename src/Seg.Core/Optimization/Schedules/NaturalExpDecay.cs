using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·exp(−gamma·t).</summary>
[SegComponent("NaturalExpDecay", ComponentKind.LrScheduler)]
public sealed class NaturalExpDecay : LrSchedule
{
    public NaturalExpDecay(NaturalExpDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public NaturalExpDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        return Options.LearningRate * Math.Exp(-Options.Gamma * step);
    }
}
