using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0 / (1 + gamma·t).</summary>
[SegComponent("InverseTimeDecay", ComponentKind.LrScheduler)]
public sealed class InverseTimeDecay : LrSchedule
{
    public InverseTimeDecay(InverseTimeDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public InverseTimeDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        return Options.LearningRate / (1 + Options.Gamma * step);
    }
}
