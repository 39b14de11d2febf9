using Seg.Core.Registry;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization.Optimizers;

/// <summary>Paddle's SGD: θ −= lr·(g + wd·θ).</summary>
[SegComponent("SGD", ComponentKind.Optimizer)]
public sealed class SgdOptimizer(SgdOptions options) : SegOptimizer(options)
{
    protected override Optimizer Create(IReadOnlyList<ParamGroup> groups, double learningRate) =>
        new SGD(groups, learningRate, weight_decay: DefaultWeightDecay);
}
