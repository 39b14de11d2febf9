using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/ops_shape.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_shape_list(int op, TensorHandle t, long* sizes, int n, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_shape_dims(int op, TensorHandle t, long a, long b, long c, long d, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_shape_as(int op, TensorHandle t, TensorHandle other, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_unflatten(TensorHandle t, long dim, long* sizes, int n, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_roll(TensorHandle t, long* shifts, int nshifts, long* dims, int ndims, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_cat(int op, IntPtr* tensors, int n, long dim, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_split(int op, TensorHandle t, long* ints, int n, long dim, out IntPtr list, out long count);
    [DllImport(Lib)] internal static extern int seg_index_select(int op, TensorHandle t, long dim, TensorHandle index, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_scatter(int op, TensorHandle t, long dim, TensorHandle index, IntPtr src, double d, long i, int kind, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_index_put_(TensorHandle t, IntPtr* indices, int n, TensorHandle values, int accumulate);
    [DllImport(Lib)] internal static extern unsafe int seg_index(TensorHandle t, IntPtr* indices, int n, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_pad(TensorHandle t, long* pad, int n, int mode, double value, out IntPtr result);
}
