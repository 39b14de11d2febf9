using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>lr(t) = eta_min + (lr0 − eta_min)·(1 + cos(π·t / T_max)) / 2 (Paddle's closed form; its recursive form is the same curve).</summary>
[SegComponent("CosineAnnealingDecay", ComponentKind.LrScheduler)]
public sealed class CosineAnnealingDecay : LrSchedule
{
    public CosineAnnealingDecay(CosineAnnealingDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.TMax <= 0) throw new ArgumentException($"'T_max' must be a positive integer, got {options.TMax}");
        Options = options;
    }

    public CosineAnnealingDecayOptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var o = Options;
        return o.EtaMin + (o.LearningRate - o.EtaMin) * (1 + Math.Cos(Math.PI * step / o.TMax)) / 2;
    }
}
