using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>
/// Grad-CAM (Selvaraju et al. 2017) on the last feature map A: α_k = mean over (i, j) of ∂y/∂A_k (y the target's
/// logit by default, or its probability as InterpretDL does), map = ReLU(Σ_k α_k A_k), bilinear upsampling to the input.
/// </summary>
public sealed class GradCam(GradientTarget gradientOf = GradientTarget.Logit) : IExplainer
{
    public string Name => "gradcam";

    public Tensor Explain(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        var classifier = model as IFeatureClassifier ?? throw new ArgumentException($"Grad-CAM needs a backbone + global pooling + linear classifier, not {model?.GetType().Name}");
        using var scope = torch.NewDisposeScope();
        Tensor features;
        using (torch.no_grad()) features = classifier.Features(inputs);
        Tensor gradient;
        using (torch.enable_grad())
        {
            var a = features.detach().requires_grad_();
            var logits = classifier.ClassifyFeatures(a);
            var scores = gradientOf == GradientTarget.Probability ? torch.softmax(logits, 1) : logits;
            var index = torch.tensor(targets.ToArray(), [targets.Count, 1], device: scores.device);
            gradient = torch.autograd.grad([scores.gather(1, index).sum()], [a])[0]!;
        }
        var alpha = gradient.mean([2L, 3L], keepdim: true);
        var map = (alpha * features).sum(1, keepdim: true);
        return scope.MoveToOuter(FeatureMaps.ToInput(torch.nn.functional.relu(map), inputs));
    }
}
