using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>The gradient of the target class's probability (or logit) with respect to the input, signed, [B, 3, H, W].</summary>
public static class InputGradient
{
    public static Tensor Compute(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, GradientTarget gradientOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count != inputs.shape[0]) throw new ArgumentException($"{targets.Count} targets for {inputs.shape[0]} images", nameof(targets));
        using var scope = torch.NewDisposeScope();
        using var grad = torch.enable_grad();
        var x = inputs.detach().requires_grad_();
        var logits = model.Logits(x);
        var scores = gradientOf == GradientTarget.Probability ? torch.softmax(logits, 1) : logits;
        var index = torch.tensor(targets.ToArray(), [targets.Count, 1], device: scores.device);
        var picked = scores.gather(1, index).sum();
        var result = torch.autograd.grad([picked], [x])[0] ?? throw new InvalidOperationException("the classifier's output does not depend on its input");
        return scope.MoveToOuter(result.detach());
    }

    /// <summary>SmoothGrad's channel reduction: |gradient| summed over the colour channels, [B, 3, H, W] → [B, H, W].</summary>
    public static Tensor AbsChannelSum(Tensor gradient)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        using var abs = gradient.abs();
        return abs.sum(1);
    }
}
