using Seg.Torch.Native;

namespace Seg.Torch.Modules;

/// <summary>
/// A tensor a module learns: requires_grad by default. It is a new handle on <c>data.detach()</c> (same
/// storage, a fresh autograd leaf); the source tensor stays the caller's to dispose.
/// </summary>
public sealed class Parameter : Tensor
{
    public Parameter(Tensor data, bool requires_grad = true) : base(Detached(data))
    {
        this.requires_grad = requires_grad;
    }

    private static IntPtr Detached(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(LibSegNative.seg_tensor_detach(data.handle, out var r));
        return r;
    }
}
