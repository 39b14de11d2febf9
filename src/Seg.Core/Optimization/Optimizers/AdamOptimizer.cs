using Seg.Core.Registry;
using Seg.Torch.Optim;

namespace Seg.Core.Optimization.Optimizers;

/// <summary>
/// Paddle's Adam with L2 regularisation added to the gradient. Paddle's update
/// θ −= lr·√(1−β2ᵗ)/(1−β1ᵗ)·m / (√v + ε·√(1−β2ᵗ)) is algebraically torch's.
/// </summary>
[SegComponent("Adam", ComponentKind.Optimizer)]
public sealed class AdamOptimizer : SegOptimizer
{
    public AdamOptimizer(AdamOptions options) : base(options)
    {
        Options = options;
    }

    public AdamOptions Options { get; }

    protected override Optimizer Create(IReadOnlyList<ParamGroup> groups, double learningRate) =>
        new Adam(groups, learningRate, (Options.Beta1, Options.Beta2), Options.Epsilon, DefaultWeightDecay);
}
