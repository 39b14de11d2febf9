using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·d_model^−0.5·min(a, warmup_steps^−1.5·t) with a = t^−0.5 (1 at t = 0).</summary>
[SegComponent("NoamDecay", ComponentKind.LrScheduler)]
public sealed class NoamDecay : LrSchedule
{
    public NoamDecay(NoamDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WarmupSteps <= 0) throw new ArgumentException($"'warmup_steps' must be a positive integer, got {options.WarmupSteps}");
        Options = options;
    }

    public NoamDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var a = step == 0 ? 1.0 : Math.Pow(step, -0.5);
        var b = Math.Pow(Options.WarmupSteps, -1.5) * step;
        return Options.LearningRate * Math.Pow(Options.DModel, -0.5) * Math.Min(a, b);
    }
}
