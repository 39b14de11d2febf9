using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·gamma^floor(t / step_size).</summary>
[SegComponent("StepDecay", ComponentKind.LrScheduler)]
public sealed class StepDecay : LrSchedule
{
    public StepDecay(StepDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StepSize <= 0) throw new ArgumentException($"'step_size' must be a positive integer, got {options.StepSize}");
        if (options.Gamma >= 1.0) throw new ArgumentException($"'gamma' should be < 1.0, got {options.Gamma}");
        Options = options;
    }

    public StepDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        return Options.LearningRate * Math.Pow(Options.Gamma, step / Options.StepSize);
    }
}
