using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// A CPU autocast region (torch.autocast("cpu", dtype)): libtorch runs the ops on its lower-precision list
/// (convolutions, matrix products) in <c>dtype</c> and keeps the others in float32. Restores the previous
/// state on Dispose, on the same thread (autocast state is per thread).
/// </summary>
public sealed class AutocastGuard : IDisposable
{
    private readonly int previousEnabled;
    private readonly int previousDtype;
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    internal AutocastGuard(bool enabled, ScalarType dtype)
    {
        if (enabled && dtype is not (ScalarType.BFloat16 or ScalarType.Float16))
            throw new ArgumentException($"autocast runs in bfloat16 or float16, not {dtype}", nameof(dtype));
        NativeError.Check(LibSegNative.seg_autocast_cpu_enter(enabled ? 1 : 0, (int)dtype, out previousEnabled, out previousDtype));
    }

    public void Dispose()
    {
        if (disposed) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("An autocast scope was disposed on another thread; autocast state is per thread.");
        disposed = true;
        NativeError.Check(LibSegNative.seg_autocast_cpu_exit(previousEnabled, previousDtype));
    }
}
