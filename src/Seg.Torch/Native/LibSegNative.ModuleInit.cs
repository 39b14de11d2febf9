using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/module_init.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_init_uniform_(TensorHandle t, double from, double to);
    [DllImport(Lib)] internal static extern int seg_init_normal_(TensorHandle t, double mean, double std);
    [DllImport(Lib)] internal static extern int seg_init_fill_(TensorHandle t, double d, long i, int kind);
    [DllImport(Lib)] internal static extern int seg_init_trunc_normal_(TensorHandle t, double mean, double std, double a, double b);
}
