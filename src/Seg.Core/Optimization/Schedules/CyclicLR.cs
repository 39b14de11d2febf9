using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// Paddle's CyclicLR: a triangle between base and max over step_size_up + step_size_down steps, its height scaled by 1
/// (triangular), 1/2^(cycle−1) (triangular2) or exp_gamma^t (exp_range).
/// </summary>
[SegComponent("CyclicLR", ComponentKind.LrScheduler)]
public sealed class CyclicLR : LrSchedule
{
    private readonly double cycleSize;
    private readonly double stepUpPct;

    public CyclicLR(CyclicLROptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLearningRate < 0) throw new ArgumentException("'max_learning_rate' must not be negative");
        if (options.StepSizeUp <= 0) throw new ArgumentException("'step_size_up' must be a positive integer");
        if (options.StepSizeDown is <= 0) throw new ArgumentException("'step_size_down' must be a positive integer");
        if (options.Mode is not ("triangular" or "triangular2" or "exp_range"))
            throw new ArgumentException($"'mode' must be 'triangular', 'triangular2' or 'exp_range', got '{options.Mode}'");
        if (options.ScaleMode is not ("cycle" or "iterations")) throw new ArgumentException($"'scale_mode' must be 'cycle' or 'iterations', got '{options.ScaleMode}'");
        Options = options;
        double up = options.StepSizeUp, down = options.StepSizeDown ?? options.StepSizeUp;
        cycleSize = up + down;
        stepUpPct = up / cycleSize;
    }

    public CyclicLROptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        var o = Options;
        var cycle = 1 + Math.Floor(step / cycleSize);
        var pctPerCycle = 1.0 + step / cycleSize - cycle;
        var scaleFactor = pctPerCycle <= stepUpPct ? pctPerCycle / stepUpPct : (1 - pctPerCycle) / (1 - stepUpPct);
        var scale = o.Mode switch
        {
            "triangular" => 1.0,
            "triangular2" => 1 / Math.Pow(2.0, cycle - 1),
            _ => Math.Pow(o.ExpGamma, step),
        };
        return o.BaseLearningRate + (o.MaxLearningRate - o.BaseLearningRate) * scaleFactor * scale;
    }
}
