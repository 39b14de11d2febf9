namespace Seg.Core.Optimization.Optimizers;

/// <summary><c>type: Adam</c>.</summary>
public record AdamOptions : OptimizerOptions
{
    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    public double Epsilon { get; init; } = 1e-8;

    /// <summary>Paddle's lazy_mode only changes sparse-gradient updates; gradients here are dense, so it has no effect.</summary>
    public bool LazyMode { get; init; }
}
