using Seg.Core.Registry;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization.Optimizers;

/// <summary>
/// Paddle's Momentum: v = μ·v + (g + wd·θ); θ −= lr·v (Nesterov: θ −= lr·(g' + μ·v)). That is torch's SGD with
/// dampening 0, whose first buffer is the gradient itself, as Paddle's zero-initialised velocity gives.
/// </summary>
[SegComponent("Momentum", ComponentKind.Optimizer)]
public sealed class MomentumOptimizer : SegOptimizer
{
    public MomentumOptimizer(MomentumOptions options) : base(options)
    {
        if (options.Momentum < 0) throw new ArgumentException($"'momentum' must not be negative, got {options.Momentum}");
        Options = options;
    }

    public MomentumOptions Options { get; }

    protected override Optimizer Create(IReadOnlyList<ParamGroup> groups, double learningRate) =>
        new SGD(groups, learningRate, momentum: Options.Momentum, weight_decay: DefaultWeightDecay, nesterov: Options.UseNesterov);
}
