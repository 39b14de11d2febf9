using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/ops_binary.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_binary(int op, TensorHandle a, TensorHandle b, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_binary_(int op, TensorHandle a, TensorHandle b);
    [DllImport(Lib)] internal static extern int seg_binary_scalar(int op, TensorHandle a, double d, long i, int kind, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_binary_scalar_(int op, TensorHandle a, double d, long i, int kind);
    [DllImport(Lib)] internal static extern int seg_scalar_binary(int op, double d, long i, int kind, TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_add_alpha(TensorHandle a, IntPtr b, double bd, long bi, int bkind, double ad, long ai, int akind, int subtract, int inplace, out IntPtr result);
}

// Mirrors BinaryOp in native/src/ops_binary.cpp.
internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, DivTrunc = 4, DivFloor = 5, Remainder = 6, Pow = 7,
    Eq = 8, Ne = 9, Lt = 10, Le = 11, Gt = 12, Ge = 13,
    LogicalAnd = 14, LogicalOr = 15, Maximum = 16, Minimum = 17,
}
