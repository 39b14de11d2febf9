using Seg.Torch;

namespace Seg.Pssl.Classification;

/// <summary>What the gradient explainers need: class scores [N, C] of a normalised image batch [N, 3, H, W].</summary>
public interface IImageClassifier
{
    long NumClasses { get; }

    Tensor Logits(Tensor input);
}
