using System.Runtime.InteropServices;
using Seg.Torch.Native;

namespace Seg.Torch;

// Owns one at::Tensor* of libsegnative. SafeHandle keeps it alive for the length of every native
// call, so a tensor can never be finalized while libtorch is using it.
internal sealed class TensorHandle : SafeHandle
{
    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    // Set by Tensor.Dispose before it releases the handle; a release without it came from the finalizer.
    internal bool DisposedExplicitly { get; set; }

    protected override bool ReleaseHandle()
    {
        if (!DisposedExplicitly) TensorStatistics.OnFinalized();
        TensorStatistics.OnReleased();
        return LibSegNative.seg_tensor_free(handle) == 0;
    }
}
