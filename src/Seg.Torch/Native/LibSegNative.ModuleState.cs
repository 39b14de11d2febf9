using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/module_state.cpp. Handle arrays hold Tensor.Handle values; callers keep the tensors alive.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_params_zero_grad(IntPtr* parameters, int n, int setToNone);
    [DllImport(Lib)] internal static extern unsafe int seg_tensors_move_(IntPtr* tensors, int n, int dtype, int deviceType, int deviceIndex);
}
