using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/autocast.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_autocast_cpu_enter(int enabled, int dtype, out int previousEnabled, out int previousDtype);
    [DllImport(Lib)] internal static extern int seg_autocast_cpu_exit(int previousEnabled, int previousDtype);
}
