using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/ops_math.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_unary(int op, TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_unary_(int op, TensorHandle t);
    [DllImport(Lib)] internal static extern int seg_clamp(TensorHandle t, double loD, long loI, int loKind, double hiD, long hiI, int hiKind, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_softmax(int op, TensorHandle t, long dim, int dtype, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_matmul(int op, TensorHandle a, TensorHandle b, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_fill_(TensorHandle t, double d, long i, int kind);
    [DllImport(Lib)] internal static extern int seg_zero_(TensorHandle t);
    [DllImport(Lib)] internal static extern int seg_addcmul(int op, TensorHandle t, TensorHandle t1, TensorHandle t2, double d, long i, int kind, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_lerp(TensorHandle t, TensorHandle end, IntPtr weight, double d, long i, int kind, int inplace, out IntPtr result);
}

// Mirrors UnaryOp in native/src/ops_math.cpp.
internal enum UnaryOp
{
    Neg = 0, Exp = 1, Log = 2, Log2 = 3, Log1p = 4, Sqrt = 5, Rsqrt = 6, Abs = 7, Sign = 8,
    Floor = 9, Ceil = 10, Round = 11, Reciprocal = 12, Sigmoid = 13, Tanh = 14, Sin = 15, Cos = 16,
    LogicalNot = 17, Isnan = 18, Isfinite = 19, Trunc = 20, Log10 = 21, Expm1 = 22,
}
