using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/autograd.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_backward(TensorHandle t, TensorHandle gradient, int retainGraph, int createGraph);
    [DllImport(Lib)] internal static extern unsafe int seg_autograd_grad(IntPtr* outputs, int noutputs, IntPtr* inputs, int ninputs, IntPtr* gradOutputs, int ngrad, int retainGraph, int createGraph, int allowUnused, out IntPtr result, out long count);
    [DllImport(Lib)] internal static extern int seg_tensor_retain_grad(TensorHandle t);
    [DllImport(Lib)] internal static extern int seg_tensor_retains_grad(TensorHandle t, out int result);
}
