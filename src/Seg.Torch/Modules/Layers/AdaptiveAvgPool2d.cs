using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>Average pooling to a fixed output size (e.g. (1, 1) for global pooling).</summary>
public sealed class AdaptiveAvgPool2d((long, long) output_size) : Module<Tensor, Tensor>(nameof(AdaptiveAvgPool2d))
{
    private readonly long[] size_ = [output_size.Item1, output_size.Item2];

    public (long, long) output_size => (size_[0], size_[1]);

    public override unsafe Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        fixed (long* s = size_)
            return Tensor.Result(LibSegNative.seg_layer_adaptive_avg_pool2d(input.handle, s, out var r), r);
    }
}
