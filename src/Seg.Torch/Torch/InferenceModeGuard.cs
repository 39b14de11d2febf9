using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>libtorch's c10::InferenceMode guard; disposed on the thread that created it.</summary>
public sealed class InferenceModeGuard : IDisposable
{
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private IntPtr guard;

    internal InferenceModeGuard(bool enabled) => NativeError.Check(LibSegNative.seg_inference_mode_enter(enabled ? 1 : 0, out guard));

    public void Dispose()
    {
        if (guard == IntPtr.Zero) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("inference_mode was disposed on another thread; libtorch's inference mode is per thread.");
        var g = guard;
        guard = IntPtr.Zero;
        NativeError.Check(LibSegNative.seg_inference_mode_exit(g));
    }
}
