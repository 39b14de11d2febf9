using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/ops_compare.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_equal(TensorHandle a, TensorHandle b, out int result);
    [DllImport(Lib)] internal static extern int seg_allclose(TensorHandle a, TensorHandle b, double rtol, double atol, int equalNan, out int result);
    [DllImport(Lib)] internal static extern int seg_where(TensorHandle cond, IntPtr x, double xd, long xi, int xkind, IntPtr y, double yd, long yi, int ykind, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_masked_fill(TensorHandle t, TensorHandle mask, IntPtr value, double d, long i, int kind, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_masked_select(TensorHandle t, TensorHandle mask, out IntPtr result);
}
