using Seg.Core.Registry;

namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// Paddle's OneCycleLR: from max/divide_factor up to max over phase_pct·total_steps − 1 steps, then down to
/// end_learning_rate at total_steps − 1 (three_phase: back to the initial lr first), cosine or linear annealing.
/// Steps beyond total_steps are an error, as in Paddle.
/// </summary>
[SegComponent("OneCycleLR", ComponentKind.LrScheduler)]
public sealed class OneCycleLR : LrSchedule
{
    private readonly double[] stepConfig;
    private readonly double[] stepsSize;
    private readonly double[] lrConfig;

    public OneCycleLR(OneCycleLROptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxLearningRate < 0) throw new ArgumentException("'max_learning_rate' must not be negative");
        if (options.EndLearningRate < 0) throw new ArgumentException("'end_learning_rate' must not be negative");
        if (options.TotalSteps <= 0) throw new ArgumentException("'total_steps' must be a positive integer");
        if (options.PhasePct is < 0 or > 1) throw new ArgumentException($"'phase_pct' must be between 0 and 1, got {options.PhasePct}");
        if (options.AnnealStrategy is not ("cos" or "linear")) throw new ArgumentException($"'anneal_strategy' must be 'cos' or 'linear', got '{options.AnnealStrategy}'");
        Options = options;
        double total = options.TotalSteps, pct = options.PhasePct, initial = options.MaxLearningRate / options.DivideFactor;
        if (options.ThreePhase)
        {
            if (pct >= 0.5) throw new ArgumentException("with three_phase, 'phase_pct' must be less than 0.5");
            stepConfig = [0, pct * total - 1, 2 * pct * total - 2, total - 1, total - 1];
            stepsSize = [stepConfig[1] - stepConfig[0], stepConfig[2] - stepConfig[1], stepConfig[3] - stepConfig[2], stepConfig[3] - stepConfig[2]];
            lrConfig = [initial, options.MaxLearningRate, initial, options.EndLearningRate];
        }
        else
        {
            stepConfig = [0, pct * total - 1, total - 1, total - 1];
            stepsSize = [stepConfig[1] - stepConfig[0], stepConfig[2] - stepConfig[1], stepConfig[2] - stepConfig[1]];
            lrConfig = [initial, options.MaxLearningRate, options.EndLearningRate];
        }
    }

    public OneCycleLROptions Options { get; }

    public override double LearningRate(int step)
    {
        CheckStep(step);
        if (step > Options.TotalSteps) throw new ArgumentOutOfRangeException(nameof(step), $"OneCycleLR was stepped {step} times, but total_steps is {Options.TotalSteps}");
        for (var i = 0; i < stepsSize.Length; i++)
        {
            if (step <= stepConfig[i + 1] || i == lrConfig.Length - 2)
            {
                var pct = (step - stepConfig[i]) / stepsSize[i];
                double start = lrConfig[i], end = lrConfig[i + 1];
                return Options.AnnealStrategy == "cos" ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;
            }
        }
        throw new InvalidOperationException("unreachable");
    }
}
