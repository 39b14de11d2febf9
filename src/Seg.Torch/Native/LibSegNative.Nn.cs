using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/nn_conv.cpp, nn_norm.cpp, nn_activation.cpp, nn_pool.cpp, nn_resample.cpp,
// nn_loss.cpp, nn_upsample_ce.cpp and nn_basic.cpp (torch.nn.functional).
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern unsafe int seg_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias, long* stride, int nstride, long* padding, int npadding, long* dilation, int ndilation, long groups, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_conv_transpose2d(TensorHandle input, TensorHandle weight, TensorHandle bias, long* stride, int nstride, long* padding, int npadding, long* outputPadding, int noutputPadding, long groups, long* dilation, int ndilation, out IntPtr result);

    [DllImport(Lib)] internal static extern int seg_batch_norm(TensorHandle input, TensorHandle runningMean, TensorHandle runningVar, TensorHandle weight, TensorHandle bias, int training, double momentum, double eps, out IntPtr result);

    [DllImport(Lib)] internal static extern int seg_activation(int kind, TensorHandle input, double param, int inplace, out IntPtr result);

    [DllImport(Lib)] internal static extern unsafe int seg_max_pool2d(TensorHandle input, long* kernel, int nkernel, long* stride, int nstride, long* padding, int npadding, long* dilation, int ndilation, int ceilMode, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_max_pool2d_with_indices(TensorHandle input, long* kernel, int nkernel, long* stride, int nstride, long* padding, int npadding, long* dilation, int ndilation, int ceilMode, out IntPtr result, out IntPtr indices);
    [DllImport(Lib)] internal static extern unsafe int seg_avg_pool2d(TensorHandle input, long* kernel, int nkernel, long* stride, int nstride, long* padding, int npadding, int ceilMode, int countIncludePad, int hasDivisor, long divisorOverride, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_adaptive_avg_pool2d(TensorHandle input, long* size, int nsize, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_adaptive_max_pool2d(TensorHandle input, long* size, int nsize, out IntPtr result, out IntPtr indices);

    [DllImport(Lib)] internal static extern unsafe int seg_interpolate(TensorHandle input, int mode, long* size, int nsize, double* scales, int nscales, int alignCorners, out IntPtr result);

    [DllImport(Lib)] internal static extern int seg_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, long ignoreIndex, long reduction, double labelSmoothing, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_nll_loss(TensorHandle input, TensorHandle target, TensorHandle weight, long ignoreIndex, long reduction, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_upsample_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight, long outH, long outW, int alignCorners, long ignoreIndex, int avgNonIgnore, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_upsample_nll(TensorHandle input, TensorHandle target, long outH, long outW, int alignCorners, long ignoreIndex, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_binary_cross_entropy_with_logits(TensorHandle input, TensorHandle target, TensorHandle weight, TensorHandle posWeight, long reduction, out IntPtr result);

    [DllImport(Lib)] internal static extern int seg_linear(TensorHandle input, TensorHandle weight, TensorHandle bias, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_dropout(TensorHandle input, double p, int training, int feature, int inplace, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_one_hot(TensorHandle input, long numClasses, out IntPtr result);
}
