using Seg.Core.Config;
using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// For t &lt; W: start_lr + (end_lr − start_lr)·t / W; afterwards the wrapped schedule at t − W (or the constant).
/// PaddleSeg's builder wraps the configured scheduler in this when <c>warmup_iters</c> is set.
/// </summary>
[SegComponent("LinearWarmup", ComponentKind.LrScheduler)]
public sealed class LinearWarmup : LrSchedule
{
    private readonly Func<int, double> after;

    public LinearWarmup(LinearWarmupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WarmupSteps <= 0) throw new ArgumentException($"'warmup_steps' must be a positive integer, got {options.WarmupSteps}");
        after = options.LearningRate switch
        {
            LrSchedule s => s.LearningRate,
            double d => _ => d,
            int i => _ => i,
            long l => _ => l,
            ConfigScalar { Value: double d } => _ => d,
            ConfigScalar { Value: long l } => _ => l,
            _ => throw new ArgumentException($"'learning_rate' must be a number or a scheduler, got {options.LearningRate}"),
        };
        Options = options;
    }

    public LinearWarmupOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var o = Options;
        return step < o.WarmupSteps ? (o.EndLr - o.StartLr) * step / o.WarmupSteps + o.StartLr : after(step - o.WarmupSteps);
    }
}
