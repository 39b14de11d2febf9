using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/nn_layers_forward.cpp. Pairs are long[2]; optional tensors are IntPtr (zero = none).
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_layer_conv2d(TensorHandle input, TensorHandle weight, IntPtr bias, long* stride, long* padding, long* dilation, long groups, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_layer_batch_norm(TensorHandle input, IntPtr weight, IntPtr bias, IntPtr runningMean, IntPtr runningVar, int training, double momentum, double eps, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_layer_linear(TensorHandle input, TensorHandle weight, IntPtr bias, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_layer_relu(TensorHandle input, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_layer_dropout(TensorHandle input, double p, int training, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_layer_max_pool2d(TensorHandle input, long* kernelSize, long* stride, long* padding, long* dilation, int ceilMode, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_layer_avg_pool2d(TensorHandle input, long* kernelSize, long* stride, long* padding, int ceilMode, int countIncludePad, long divisorOverride, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_layer_adaptive_avg_pool2d(TensorHandle input, long* outputSize, out IntPtr result);
}
