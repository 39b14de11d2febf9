using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Contracts;

/// <summary>
/// A segmentation model (PaddleSeg's `model:` component). forward takes images [N, C, H, W] and
/// returns logits at input resolution: one per `loss.types` entry in training mode, a single-element
/// array in eval mode.
/// </summary>
public abstract class SegModel(string name) : Module<Tensor, Tensor[]>(name)
{
    public abstract long NumClasses { get; }
}
