using Seg.Torch.Native;

namespace Seg.Torch.Modules;

public sealed class ReLU(bool inplace = false) : Module<Tensor, Tensor>(nameof(ReLU))
{
    public bool inplace { get; } = inplace;

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Tensor.Result(LibSegNative.seg_layer_relu(input.handle, inplace ? 1 : 0, out var r), r);
    }
}
