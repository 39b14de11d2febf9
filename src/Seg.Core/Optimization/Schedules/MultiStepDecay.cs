using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·gamma^(number of milestones ≤ t).</summary>
[SegComponent("MultiStepDecay", ComponentKind.LrScheduler)]
public sealed class MultiStepDecay : LrSchedule
{
    public MultiStepDecay(MultiStepDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Milestones);
        for (var i = 1; i < options.Milestones.Count; i++)
            if (options.Milestones[i] <= options.Milestones[i - 1]) throw new ArgumentException("'milestones' should be a strictly increasing list");
        if (options.Gamma >= 1.0) throw new ArgumentException($"'gamma' should be < 1.0, got {options.Gamma}");
        Options = options;
    }

    public MultiStepDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var passed = Options.Milestones.Count(m => step >= m);
        return Options.LearningRate * Math.Pow(Options.Gamma, passed);
    }
}
