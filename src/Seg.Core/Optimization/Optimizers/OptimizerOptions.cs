namespace Seg.Core.Optimization.Optimizers;

/// <summary>The keys every PaddleSeg optimizer takes (paddleseg/optimizers/optimizer.py::BaseOptimizer).</summary>
public abstract record OptimizerOptions
{
    /// <summary>L2 regularisation g ← g + wd·θ on every parameter (decoupled decay for AdamW); none when null.</summary>
    public double? WeightDecay { get; init; }

    public GradClipOptions? GradClipCfg { get; init; }

    /// <summary>Parameter-name substring groups; the first match wins, unmatched parameters form a last default group.</summary>
    public IReadOnlyList<CustomParamGroupOptions>? CustomCfg { get; init; }
}
