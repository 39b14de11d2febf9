namespace Seg.Core.Optimization.Optimizers;

/// <summary><c>type: SGD</c> (plain SGD; with a <c>momentum</c> key the builder turns it into Momentum).</summary>
public sealed record SgdOptions : OptimizerOptions;
