using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/image_ops.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_imgops_resize(TensorHandle t, long width, long height, int interp, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_pad_constant(TensorHandle t, long top, long bottom, long left, long right, double value, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_imgops_warp_affine(TensorHandle t, double* m, long width, long height, int interp, double borderValue, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_imgops_rotation_matrix(double cx, double cy, double angle, double scale, double* m);
    [DllImport(Lib)] internal static extern int seg_imgops_blur(TensorHandle t, int kind, int ksize, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_pil_enhance(TensorHandle t, int op, double factor, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_pil_hue(TensorHandle t, double delta, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_float_to_u8(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_imgops_normalize_chw(TensorHandle t, double* mean, double* std, int nStats, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_value_counts(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_imgops_limit_thread_parallelism(int threads);
    [DllImport(Lib)] internal static extern int seg_imgops_pin_if_cuda(TensorHandle t, out int pinned, out IntPtr result);
}
