namespace Seg.Core.Optimization.Schedules;

/// <summary><c>paddle.optimizer.lr.PolynomialDecay</c>'s arguments (defaults are Paddle's; PaddleSeg's builder fills <c>decay_steps</c>).</summary>
public sealed record PolynomialDecayOptions
{
    public required double LearningRate { get; init; }

    /// <summary>D; when absent the builder sets max(iters − warmup_iters, 1) (or max(iters, 1) without warmup).</summary>
    public int? DecaySteps { get; init; }

    public double EndLr { get; init; } = 0.0001;

    public double Power { get; init; } = 1.0;

    public bool Cycle { get; init; }
}
