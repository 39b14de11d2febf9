using Seg.Torch;

namespace Seg.Core.Contracts;

/// <summary>A loss (PaddleSeg's `loss.types` entries): logits [N, C, H, W] and labels [N, H, W] to a scalar.</summary>
public interface ISegLoss
{
    Tensor forward(Tensor logits, Tensor labels);
}
