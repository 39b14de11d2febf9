using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/cuda_memory.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_cuda_compiled_with_cuda(out int compiled);
    [DllImport(Lib)] internal static extern int seg_cuda_empty_cache();
    [DllImport(Lib)] internal static extern int seg_cuda_memory_stats(int index, out long allocated, out long maxAllocated, out long reserved, out long maxReserved);
    [DllImport(Lib)] internal static extern int seg_cuda_reset_peak_memory_stats(int index);
    [DllImport(Lib)] internal static extern int seg_cudnn_flags(out int enabled, out int benchmark, out int available);
    [DllImport(Lib)] internal static extern int seg_cudnn_set_enabled(int enabled);
    [DllImport(Lib)] internal static extern int seg_cudnn_set_benchmark(int benchmark);
}
