using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/tensor_factories.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_factory(int kind, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_full(long* shape, int ndim, double d, long i, int scalarKind, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_randint(long low, long high, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_factory_like(int kind, TensorHandle t, int dtype, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_full_like(TensorHandle t, double d, long i, int scalarKind, int dtype, out IntPtr result);
}
