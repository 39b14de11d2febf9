using Seg.Torch.Native;

namespace Seg.Torch;

// Shape, dtype, device and autograd flags.
public partial class Tensor
{
    private const int MaxDims = 64;

    public unsafe long[] shape
    {
        get
        {
            var buf = stackalloc long[MaxDims];
            Check(LibSegNative.seg_tensor_shape(handle, buf, MaxDims, out var ndim));
            if (ndim > MaxDims) throw new NotSupportedException($"tensor of rank {ndim}");
            return new Span<long>(buf, ndim).ToArray();
        }
    }

    public long[] size() => shape;

    public long size(long dim)
    {
        var s = shape;
        var d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length)
            throw new IndexOutOfRangeException($"Dimension out of range (expected to be in range of [{-s.Length}, {s.Length - 1}], but got {dim})");
        return s[d];
    }

    public unsafe long[] stride()
    {
        var buf = stackalloc long[MaxDims];
        Check(LibSegNative.seg_tensor_strides(handle, buf, MaxDims, out var ndim));
        return new Span<long>(buf, ndim).ToArray();
    }

    public long dim()
    {
        Check(LibSegNative.seg_tensor_ndim(handle, out var n));
        return n;
    }

    public long Dimensions => dim();

    public long numel()
    {
        Check(LibSegNative.seg_tensor_numel(handle, out var n));
        return n;
    }

    public ScalarType dtype
    {
        get
        {
            Check(LibSegNative.seg_tensor_dtype(handle, out var t));
            return (ScalarType)t;
        }
    }

    public Device device
    {
        get
        {
            Check(LibSegNative.seg_tensor_device(handle, out var type, out var index));
            return type == 0 ? Device.CPU : new Device(DeviceType.CUDA, index);
        }
    }

    public DeviceType device_type => device.type;

    public bool is_cuda => device.type == DeviceType.CUDA;

    public long element_size()
    {
        Check(LibSegNative.seg_tensor_element_size(handle, out var n));
        return n;
    }

    public bool is_contiguous(MemoryFormat memory_format = MemoryFormat.Contiguous)
    {
        Check(LibSegNative.seg_tensor_is_contiguous(handle, (int)memory_format, out var r));
        return r != 0;
    }

    public bool requires_grad
    {
        get
        {
            Check(LibSegNative.seg_tensor_requires_grad(handle, out var r));
            return r != 0;
        }
        set => Check(LibSegNative.seg_tensor_set_requires_grad(handle, value ? 1 : 0));
    }

    public Tensor requires_grad_(bool requires_grad = true)
    {
        this.requires_grad = requires_grad;
        return this;
    }

    public bool is_leaf
    {
        get
        {
            Check(LibSegNative.seg_tensor_is_leaf(handle, out var r));
            return r != 0;
        }
    }

    /// <summary>
    /// The accumulated gradient as a new handle (dispose it), or null. Setting null clears it.
    /// </summary>
    public Tensor? grad
    {
        get
        {
            Check(LibSegNative.seg_tensor_grad(handle, out var g));
            return g == IntPtr.Zero ? null : new Tensor(g);
        }
        set
        {
            Check(LibSegNative.seg_tensor_set_grad(handle, value?.Handle ?? IntPtr.Zero));
            GC.KeepAlive(value);
        }
    }
}
