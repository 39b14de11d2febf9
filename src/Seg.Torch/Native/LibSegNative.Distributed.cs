using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/distributed.cpp and sync_batch_norm.cpp. Strings cross as NUL-terminated UTF-8.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_dist_backends(out int gloo, out int nccl);
    [DllImport(Lib)] internal static extern unsafe int seg_dist_tcp_store_new(byte* host, int port, int isServer, int worldSize, long timeoutMs, out IntPtr store);
    [DllImport(Lib)] internal static extern int seg_dist_store_free(IntPtr store);
    [DllImport(Lib)] internal static extern unsafe int seg_dist_gloo_new(IntPtr store, int rank, int size, byte* hostname, long timeoutMs, out IntPtr group);
    [DllImport(Lib)] internal static extern int seg_dist_nccl_new(IntPtr store, int rank, int size, long timeoutMs, out IntPtr group);
    [DllImport(Lib)] internal static extern int seg_dist_group_free(IntPtr group);
    [DllImport(Lib)] internal static extern int seg_dist_group_rank_size(IntPtr group, out int rank, out int size);
    [DllImport(Lib)] internal static extern unsafe int seg_dist_all_reduce(IntPtr group, IntPtr* tensors, int n, int op, long timeoutMs);
    [DllImport(Lib)] internal static extern unsafe int seg_dist_broadcast(IntPtr group, IntPtr* tensors, int n, int root, long timeoutMs);
    [DllImport(Lib)] internal static extern unsafe int seg_dist_all_gather(IntPtr group, IntPtr* outputs, int n, IntPtr input, long timeoutMs);
    [DllImport(Lib)] internal static extern int seg_dist_barrier(IntPtr group, long timeoutMs);
    [DllImport(Lib)] internal static extern int seg_sync_batch_norm(IntPtr group, IntPtr input, IntPtr runningMean, IntPtr runningVar, IntPtr weight, IntPtr bias, int training, double momentum, double eps, long timeoutMs, out IntPtr result);
}
