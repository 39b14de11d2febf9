using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>The plain input gradient (SmoothGrad with no noise), reduced as SmoothGrad is: Σ_ch |∇x|.</summary>
public sealed class VanillaGradient(GradientTarget gradientOf = GradientTarget.Probability) : IExplainer
{
    public string Name => "gradient";

    public Tensor Explain(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds)
    {
        using var gradient = InputGradient.Compute(model, inputs, targets, gradientOf);
        return InputGradient.AbsChannelSum(gradient);
    }
}
