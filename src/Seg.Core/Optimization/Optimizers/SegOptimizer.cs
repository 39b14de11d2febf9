using Seg.Torch.Optim;

namespace Seg.Core.Optimization.Optimizers;

/// <summary>
/// An <c>optimizer:</c> component (PaddleSeg's <c>BaseOptimizer</c>): holds the options and makes the torch
/// optimizer over the parameter groups the builder collected.
/// </summary>
public abstract class SegOptimizer
{
    protected SegOptimizer(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.WeightDecay is < 0) throw new ArgumentException($"'weight_decay' must not be negative, got {options.WeightDecay}");
        if (options.CustomCfg is { } custom)
        {
            foreach (var c in custom)
            {
                if (string.IsNullOrEmpty(c.Name)) throw new ArgumentException("every custom_cfg entry needs a non-empty 'name'");
                if (c.LrMult < 0) throw new ArgumentException($"custom_cfg '{c.Name}': 'lr_mult' must not be negative, got {c.LrMult}");
            }
        }
        BaseOptions = options;
        GradientClip = options.GradClipCfg is { } clip ? new GradientClip(clip) : null;
    }

    public OptimizerOptions BaseOptions { get; }

    public GradientClip? GradientClip { get; }

    /// <summary>The weight decay of groups that set none.</summary>
    public virtual double DefaultWeightDecay => BaseOptions.WeightDecay ?? 0;

    /// <summary>The torch optimizer over <paramref name="groups"/>, every group starting at lr × its multiplier.</summary>
    public Optimizer Create(IReadOnlyList<ParameterGroupPlan> groups, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var paramGroups = groups.Select(g => new ParamGroup(g.Parameters.Select(p => p.Parameter), learningRate * g.Multiplier, g.WeightDecay ?? DefaultWeightDecay)).ToList();
        return Create(paramGroups, learningRate);
    }

    protected abstract Optimizer Create(IReadOnlyList<ParamGroup> groups, double learningRate);
}
