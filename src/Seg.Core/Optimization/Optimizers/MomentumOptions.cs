namespace Seg.Core.Optimization.Optimizers;

/// <summary><c>type: Momentum</c>.</summary>
public sealed record MomentumOptions : OptimizerOptions
{
    public double Momentum { get; init; } = 0.9;

    public bool UseNesterov { get; init; }
}
