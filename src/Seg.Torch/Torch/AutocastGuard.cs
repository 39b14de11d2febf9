using Seg.Torch.Native;

namespace Seg.Torch;

/// <summary>
/// An autocast region (torch.autocast(device, dtype)): libtorch runs the ops on its lower-precision list
/// (convolutions, matrix products) in <c>dtype</c> and keeps the others as they come (or in float32, for the ops on
/// its float32 list). Restores the previous state on Dispose, on the same thread (autocast state is per thread).
/// CPU autocast in libtorch 1.13 runs in bfloat16 only; CUDA autocast in float16 or bfloat16.
/// </summary>
public sealed class AutocastGuard : IDisposable
{
    private readonly int previousEnabled;
    private readonly int previousDtype;
    private readonly DeviceType device;
    private readonly int threadId = Environment.CurrentManagedThreadId;
    private bool disposed;

    internal AutocastGuard(bool enabled, ScalarType dtype, DeviceType device = DeviceType.CPU)
    {
        this.device = device;
        if (enabled && device == DeviceType.CPU && dtype != ScalarType.BFloat16)
            throw new ArgumentException($"CPU autocast runs in bfloat16 only (libtorch 1.13), not {dtype}", nameof(dtype));
        if (enabled && dtype is not (ScalarType.BFloat16 or ScalarType.Float16))
            throw new ArgumentException($"autocast runs in bfloat16 or float16, not {dtype}", nameof(dtype));
        NativeError.Check(device == DeviceType.CPU
            ? LibSegNative.seg_autocast_cpu_enter(enabled ? 1 : 0, (int)dtype, out previousEnabled, out previousDtype)
            : LibSegNative.seg_autocast_cuda_enter(enabled ? 1 : 0, (int)dtype, out previousEnabled, out previousDtype));
    }

    public void Dispose()
    {
        if (disposed) return;
        if (Environment.CurrentManagedThreadId != threadId)
            throw new InvalidOperationException("An autocast scope was disposed on another thread; autocast state is per thread.");
        disposed = true;
        NativeError.Check(device == DeviceType.CPU
            ? LibSegNative.seg_autocast_cpu_exit(previousEnabled, previousDtype)
            : LibSegNative.seg_autocast_cuda_exit(previousEnabled, previousDtype));
    }
}
