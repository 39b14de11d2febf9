using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/ops_reduce.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_reduce(int op, TensorHandle t, long* dims, int ndims, int hasDims, int keepdim, int dtype, int unbiased, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_reduce_indexed(int op, TensorHandle t, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [DllImport(Lib)] internal static extern int seg_topk(TensorHandle t, long k, long dim, int largest, int sorted, out IntPtr values, out IntPtr indices);
    [DllImport(Lib)] internal static extern unsafe int seg_sort(TensorHandle t, long dim, int descending, int stable, IntPtr* values, out IntPtr indices);
    [DllImport(Lib)] internal static extern int seg_bincount(TensorHandle t, IntPtr weights, long minlength, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_unique(TensorHandle t, int sorted, int returnInverse, int returnCounts, out IntPtr values, out IntPtr inverse, out IntPtr counts);
    [DllImport(Lib)] internal static extern int seg_nonzero(TensorHandle t, out IntPtr result);
}

// Mirrors ReduceOp in native/src/ops_reduce.cpp.
internal enum ReduceOp
{
    Sum = 0, Mean = 1, Prod = 2, Std = 3, Var = 4, Max = 5, Min = 6, Any = 7, All = 8,
    Argmax = 9, Argmin = 10, Cumsum = 11, Logsumexp = 12, Amax = 13, Amin = 14,
}
