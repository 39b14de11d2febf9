using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// lr(t) = (lr0 − end_lr)·(1 − min(t, D)/D)^power + end_lr; with <c>cycle</c>, D grows to D·ceil(t/D) (1 at t = 0)
/// and t is not capped.
/// </summary>
[SegComponent("PolynomialDecay", ComponentKind.LrScheduler)]
public sealed class PolynomialDecay : LrSchedule
{
    public PolynomialDecay(PolynomialDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DecaySteps is not { } d) throw new ArgumentException("'decay_steps' is required (PaddleSeg's builder sets it from iters)");
        if (d <= 0) throw new ArgumentException($"'decay_steps' must be a positive integer, got {d}");
        Options = options;
    }

    public PolynomialDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var o = Options;
        double decaySteps = o.DecaySteps!.Value, t = step;
        if (o.Cycle)
        {
            var div = step == 0 ? 1.0 : Math.Ceiling(t / decaySteps);
            decaySteps *= div;
        }
        else
        {
            t = Math.Min(t, decaySteps);
        }
        return (o.LearningRate - o.EndLr) * Math.Pow(1 - t / decaySteps, o.Power) + o.EndLr;
    }
}
