using System.Runtime.InteropServices;

namespace Seg.Torch.Native;

// Entry points of native/src/tensor_core.cpp.
internal static partial class LibSegNative
{
    [DllImport(Lib)] internal static extern int seg_tensor_alias(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_ndim(TensorHandle t, out int ndim);
    [DllImport(Lib)] internal static extern unsafe int seg_tensor_shape(TensorHandle t, long* buf, int cap, out int ndim);
    [DllImport(Lib)] internal static extern unsafe int seg_tensor_strides(TensorHandle t, long* buf, int cap, out int ndim);
    [DllImport(Lib)] internal static extern int seg_tensor_numel(TensorHandle t, out long numel);
    [DllImport(Lib)] internal static extern int seg_tensor_dtype(TensorHandle t, out int dtype);
    [DllImport(Lib)] internal static extern int seg_tensor_device(TensorHandle t, out int type, out int index);
    [DllImport(Lib)] internal static extern int seg_tensor_is_contiguous(TensorHandle t, int memoryFormat, out int result);
    [DllImport(Lib)] internal static extern int seg_tensor_defined(TensorHandle t, out int defined);
    [DllImport(Lib)] internal static extern unsafe int seg_tensor_from_data(void* data, long nbytes, long* shape, int ndim, int dtype, int deviceType, int deviceIndex, int requiresGrad, out IntPtr result);
    [DllImport(Lib)] internal static extern unsafe int seg_tensor_copy_to(TensorHandle t, void* data, long nbytes);
    [DllImport(Lib)] internal static extern int seg_tensor_item(TensorHandle t, out double d, out long i);
    [DllImport(Lib)] internal static extern int seg_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, int memoryFormat, int nonBlocking, int copy, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_contiguous(TensorHandle t, int memoryFormat, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_clone(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_detach(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_detach_(TensorHandle t);
    [DllImport(Lib)] internal static extern int seg_tensor_requires_grad(TensorHandle t, out int result);
    [DllImport(Lib)] internal static extern int seg_tensor_set_requires_grad(TensorHandle t, int value);
    [DllImport(Lib)] internal static extern int seg_tensor_grad(TensorHandle t, out IntPtr result);
    [DllImport(Lib)] internal static extern int seg_tensor_set_grad(TensorHandle t, IntPtr grad);
    [DllImport(Lib)] internal static extern int seg_tensor_is_leaf(TensorHandle t, out int result);
    [DllImport(Lib)] internal static extern int seg_tensor_copy_(TensorHandle t, TensorHandle src, int nonBlocking);
    [DllImport(Lib)] internal static extern int seg_tensor_set_data(TensorHandle t, TensorHandle src);
    [DllImport(Lib)] internal static extern int seg_tensor_data_ptr(TensorHandle t, out IntPtr ptr);
    [DllImport(Lib)] internal static extern int seg_tensor_element_size(TensorHandle t, out long size);
    [DllImport(Lib)] internal static extern unsafe int seg_tensor_to_string(TensorHandle t, byte* buf, int cap, out int needed);
}
