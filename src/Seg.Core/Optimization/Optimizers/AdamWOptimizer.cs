using Seg.Core.Registry;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization.Optimizers;

/// <summary>Paddle's AdamW: Adam with decoupled decay θ −= lr·wd·θ (lr being the group's, multiplier included).</summary>
[SegComponent("AdamW", ComponentKind.Optimizer)]
public sealed class AdamWOptimizer : SegOptimizer
{
    public AdamWOptimizer(AdamWOptions options) : base(options)
    {
        Options = options;
    }

    public AdamWOptions Options { get; }

    protected override Optimizer Create(IReadOnlyList<ParamGroup> groups, double learningRate) =>
        new AdamW(groups, learningRate, (Options.Beta1, Options.Beta2), Options.Epsilon, DefaultWeightDecay);
}
