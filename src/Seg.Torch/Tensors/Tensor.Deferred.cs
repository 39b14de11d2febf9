using Seg.Torch.Native;

namespace Seg.Torch;

// Deferred tensors: a bilinear upsample that a fused consumer (the upsampling cross-entropy) can use without
// ever computing it, and that anything else computes on first use.
public partial class Tensor
{
    /// <summary>
    /// While this tensor is a not yet computed <c>interpolate(source, size, bilinear, align_corners)</c>:
    /// that upsample (its source is owned by this tensor: do not dispose it). Null once the values exist.
    /// Reading it does not compute the tensor.
    /// </summary>
    public DeferredUpsample? PendingUpsample => disposed ? null : pending;

    /// <summary>True when the native tensor exists (always, except for a deferred tensor not used yet).</summary>
    public bool IsMaterialised => materialised is not null;

    internal static Tensor Deferred(DeferredUpsample deferred) => new(deferred);

    private TensorHandle Materialise()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var deferred = pending ?? throw new InvalidOperationException("a tensor without a native handle");
        IntPtr result;
        // The values are computed under the grad mode of the deferred call, wherever they are first needed.
        using (torch.set_grad_enabled(deferred.GradEnabled))
            result = deferred.Compute();
        materialised = new TensorHandle(result);
        TensorStatistics.OnCreated();
        pending = null;
        deferred.Release();
        return materialised;
    }
}
