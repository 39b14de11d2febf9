using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>Paddle's nn.Dropout2D: zeroes whole channels with probability p in training mode (scaled by 1/(1-p)).</summary>
public sealed class Dropout2d(double p) : Module<Tensor, Tensor>(nameof(Dropout2d))
{
    public override Tensor forward(Tensor input) => torch.nn.functional.dropout2d(input, p, training);
}
