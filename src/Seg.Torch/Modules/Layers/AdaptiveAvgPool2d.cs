using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>Average pooling to a fixed output size (e.g. (1, 1) for global pooling).</summary>
public sealed class AdaptiveAvgPool2d((long, long) output_size) : Module<Tensor, Tensor>(nameof(AdaptiveAvgPool2d))
{
    private readonly long[] size_ = [output_size.Item1, output_size.Item2];

    public (long, long) output_size => (size_[0], size_[1]);

    public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, size_);
}
