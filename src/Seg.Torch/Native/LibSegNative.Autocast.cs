using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/autocast.cpp and native/src/autocast_lists.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_autocast_cpu_enter(int enabled, int dtype, out int previousEnabled, out int previousDtype);
    [DllImport(Lib)] internal static extern int seg_autocast_cpu_exit(int previousEnabled, int previousDtype);
    [DllImport(Lib)] internal static extern int seg_autocast_cuda_enter(int enabled, int dtype, out int previousEnabled, out int previousDtype);
    [DllImport(Lib)] internal static extern int seg_autocast_cuda_exit(int previousEnabled, int previousDtype);
    [DllImport(Lib)] internal static extern int seg_autocast_set_op_policy([MarshalAs(UnmanagedType.LPUTF8Str)] string op, int policy, out int previous);
}
