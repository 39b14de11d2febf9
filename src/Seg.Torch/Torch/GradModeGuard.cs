using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// Sets libtorch's (thread-local) grad mode and restores the previous one on Dispose, which must
/// happen on the same thread.
/// </summary>
public sealed class GradModeGuard : IDisposable
{
    private readonly bool previous;
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    internal GradModeGuard(bool enabled)
    {
        previous = torch.is_grad_enabled();
        NativeError.Check(LibSegNative.seg_set_grad_enabled(enabled ? 1 : 0));
    }

    public void Dispose()
    {
        if (disposed) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("A grad-mode scope was disposed on another thread; libtorch's grad mode is per thread (it does not flow across await).");
        disposed = true;
        NativeError.Check(LibSegNative.seg_set_grad_enabled(previous ? 1 : 0));
    }
}
