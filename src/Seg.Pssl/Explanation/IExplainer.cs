using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>
/// Explains a classifier's decision for a batch of normalised images [B, 3, H, W]: one non-negative map [B, H, W] per
/// image for the class <c>targets[b]</c>. <c>seeds[b]</c> fixes any randomness (the same seed, the same map).
/// </summary>
public interface IExplainer
{
    /// <summary>The explainer's name in tables and file names (smoothgrad, gradient, cam, gradcam).</summary>
    string Name { get; }

    Tensor Explain(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds);
}
