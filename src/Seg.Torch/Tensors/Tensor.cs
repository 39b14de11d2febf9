using System.Runtime.CompilerServices;
using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// A libtorch tensor. Each instance owns one native handle; dispose it (or let a dispose scope do it).
/// The operations live in the other Tensor.*.cs files.
/// </summary>
public partial class Tensor : IDisposable
{
    private TensorHandle? materialised;
    private DeferredUpsample? pending;
    private bool disposed;

    internal Tensor(IntPtr nativeHandle)
    {
        if (nativeHandle == IntPtr.Zero) throw new ArgumentException("null native tensor handle", nameof(nativeHandle));
        materialised = new TensorHandle(nativeHandle);
        TensorStatistics.OnCreated();
        DisposeScopeManager.Register(this);
    }

    // A tensor computed on first use (see DeferredUpsample); it holds no native tensor until then.
    private Tensor(DeferredUpsample deferred)
    {
        pending = deferred;
        DisposeScopeManager.Register(this);
    }

    /// <summary>The native tensor; a deferred tensor is computed here on first use.</summary>
    internal TensorHandle handle => materialised ?? Materialise();

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    public DisposeScope? OwningScope { get; internal set; }

    public bool IsDisposed => disposed;

    /// <summary>The native at::Tensor* (for diagnostics; do not free it).</summary>
    public IntPtr Handle => handle.DangerousGetHandle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor Result(int rc, IntPtr result)
    {
        if (rc != 0) throw NativeError.Last(rc);
        return new Tensor(result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Check(int rc)
    {
        if (rc != 0) throw NativeError.Last(rc);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposed) return;
        disposed = true;
        OwningScope?.Remove(this);
        if (pending is { } deferred)
        {
            pending = null;
            deferred.Release();
            return;
        }
        materialised!.DisposedExplicitly = true;
        materialised.Dispose();
    }

    /// <summary>Removes this tensor from its dispose scope and gives it to the scope outside that one.</summary>
    public Tensor MoveToOuterDisposeScope() => OwningScope?.MoveToOuter(this) ?? this;

    /// <summary>Removes this tensor from dispose-scope management: the caller must dispose it.</summary>
    public Tensor DetachFromDisposeScope() => OwningScope?.Detach(this) ?? this;

    /// <summary>A new handle to the same tensor (same storage, same autograd identity).</summary>
    public Tensor alias() => Result(LibSegNative.seg_tensor_alias(handle, out var r), r);

    public override string ToString() => $"Tensor[{string.Join(", ", shape)}] {dtype} {device}";

    /// <summary>libtorch's rendering of the values.</summary>
    public unsafe string ToStringWithValues()
    {
        Check(LibSegNative.seg_tensor_to_string(handle, null, 0, out var needed));
        var buf = new byte[needed];
        fixed (byte* p = buf) Check(LibSegNative.seg_tensor_to_string(handle, p, needed, out _));
        return System.Text.Encoding.UTF8.GetString(buf, 0, Math.Max(0, needed - 1));
    }
}
