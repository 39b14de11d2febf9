using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = lr0·(start_factor + (end_factor − start_factor)·min(t, total_steps) / total_steps).</summary>
[SegComponent("LinearLR", ComponentKind.LrScheduler)]
public sealed class LinearLR : LrSchedule
{
    public LinearLR(LinearLROptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TotalSteps <= 0) throw new ArgumentException($"'total_steps' must be a positive integer, got {options.TotalSteps}");
        if (options.StartFactor is > 1 or <= 0) throw new ArgumentException($"'start_factor' must be in (0, 1], got {options.StartFactor}");
        if (options.EndFactor is > 1 or < 0) throw new ArgumentException($"'end_factor' must be in [0, 1], got {options.EndFactor}");
        Options = options;
    }

    public LinearLROptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var o = Options;
        return o.LearningRate * (o.StartFactor + (o.EndFactor - o.StartFactor) * Math.Min(step, o.TotalSteps) / o.TotalSteps);
    }
}
