using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/errors.cpp and runtime.cpp. Every entry point returns 0 or an error kind.
internal static partial class LibSegNative
{
    internal const string Lib = "segnative";

    [DllImport(Lib)] internal static extern unsafe int seg_last_error(out int kind, out byte* message, out byte* backtrace);
    [DllImport(Lib)] internal static extern int seg_debug_throw(int what);
    [DllImport(Lib)] internal static extern unsafe int seg_torch_compiled_version(byte* buf, int cap);
    [DllImport(Lib)] internal static extern unsafe int seg_opencv_version(byte* buf, int cap);
    [DllImport(Lib)] internal static extern int seg_abi_version(out int version);
    [DllImport(Lib)] internal static extern int seg_set_num_threads(int n);
    [DllImport(Lib)] internal static extern int seg_get_num_threads(out int n);
    [DllImport(Lib)] internal static extern int seg_set_num_interop_threads(int n);
    [DllImport(Lib)] internal static extern int seg_get_num_interop_threads(out int n);
    [DllImport(Lib)] internal static extern unsafe int seg_parallel_info(byte* buf, int cap);
    [DllImport(Lib)] internal static extern int seg_manual_seed(long seed);
    [DllImport(Lib)] internal static extern int seg_cuda_is_available(out int available);
    [DllImport(Lib)] internal static extern int seg_cuda_device_count(out int count);
    [DllImport(Lib)] internal static extern int seg_cuda_synchronize(int index);
    [DllImport(Lib)] internal static extern int seg_grad_enabled(out int enabled);
    [DllImport(Lib)] internal static extern int seg_set_grad_enabled(int enabled);
    [DllImport(Lib)] internal static extern int seg_inference_mode_enter(int enabled, out IntPtr guard);
    [DllImport(Lib)] internal static extern int seg_inference_mode_exit(IntPtr guard);
    [DllImport(Lib)] internal static extern int seg_inference_mode_enabled(out int enabled);
    [DllImport(Lib)] internal static extern int seg_live_handles(out long count);
    [DllImport(Lib)] internal static extern int seg_tensor_free(IntPtr tensor);
    [DllImport(Lib)] internal static extern int seg_handles_free(IntPtr array);
}
