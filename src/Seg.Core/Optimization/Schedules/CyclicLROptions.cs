namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.CyclicLR</c>'s arguments (a Python <c>scale_fn</c> cannot be given in YAML).</summary>
public sealed record CyclicLROptions
{
    public required double BaseLearningRate { get; init; }

    public required double MaxLearningRate { get; init; }

    public required int StepSizeUp { get; init; }

    public int? StepSizeDown { get; init; }

    /// <summary>"triangular", "triangular2" or "exp_range".</summary>
    public string Mode { get; init; } = "triangular";

    public double ExpGamma { get; init; } = 1.0;

    /// <summary>Only used with a custom scale_fn, so it has no effect here; checked as Paddle does.</summary>
    public string ScaleMode { get; init; } = "cycle";
}
