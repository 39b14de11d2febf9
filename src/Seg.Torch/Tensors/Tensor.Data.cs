using System.Runtime.InteropServices;
using Seg.Torch.Native;

namespace Seg.Torch;

// Copies between tensors and .NET memory, and conversions between dtypes, devices and layouts.
public partial class Tensor
{
    /// <summary>A copy of the elements in row-major order (moved to the CPU first if needed).</summary>
    public unsafe T[] data<T>() where T : unmanaged
    {
        var want = ScalarTypeInfo.Of<T>();
        if (want != dtype)
            throw new ArgumentException($"tensor has dtype {dtype}; data<{typeof(T).Name}>() needs {want}. Convert with to(ScalarType.{want}) first.");
        var result = new T[numel()];
        fixed (T* p = result) Check(LibSegNative.seg_tensor_copy_to(handle, p, (long)result.Length * sizeof(T)));
        return result;
    }

    /// <summary>Same as data&lt;T&gt;().</summary>
    public T[] ToArray<T>() where T : unmanaged => data<T>();

    /// <summary>Copies the elements into a span of exactly numel() elements.</summary>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        var want = ScalarTypeInfo.Of<T>();
        if (want != dtype) throw new ArgumentException($"tensor has dtype {dtype}, span holds {want}");
        fixed (T* p = destination) Check(LibSegNative.seg_tensor_copy_to(handle, p, (long)destination.Length * sizeof(T)));
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged
    {
        Check(LibSegNative.seg_tensor_item(handle, out var d, out var i));
        object v = typeof(T) switch
        {
            var t when t == typeof(float) => (float)d,
            var t when t == typeof(double) => d,
            var t when t == typeof(long) => i,
            var t when t == typeof(int) => checked((int)i),
            var t when t == typeof(short) => checked((short)i),
            var t when t == typeof(byte) => checked((byte)i),
            var t when t == typeof(sbyte) => checked((sbyte)i),
            var t when t == typeof(bool) => i != 0,
            var t when t == typeof(Half) => (Half)d,
            var t when t == typeof(BFloat16) => BFloat16.FromSingle((float)d),
            _ => throw new NotSupportedException($"item<{typeof(T).Name}>()"),
        };
        return (T)v;
    }

    public Tensor to(ScalarType type, bool non_blocking = false, bool copy = false) =>
        Result(LibSegNative.seg_tensor_to(handle, (int)type, -1, -1, -1, non_blocking ? 1 : 0, copy ? 1 : 0, out var r), r);

    public Tensor to(Device device, bool non_blocking = false, bool copy = false)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Result(LibSegNative.seg_tensor_to(handle, -1, (int)device.type, device.index, -1, non_blocking ? 1 : 0, copy ? 1 : 0, out var r), r);
    }

    public Tensor to(Device device, ScalarType type, bool non_blocking = false, bool copy = false)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Result(LibSegNative.seg_tensor_to(handle, (int)type, (int)device.type, device.index, -1, non_blocking ? 1 : 0, copy ? 1 : 0, out var r), r);
    }

    public Tensor to(MemoryFormat memory_format) =>
        Result(LibSegNative.seg_tensor_to(handle, -1, -1, -1, (int)memory_format, 0, 0, out var r), r);

    /// <summary>Same dtype and device as <paramref name="other"/>.</summary>
    public Tensor to(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return to(other.device, other.dtype);
    }

    public Tensor cpu() => to(Device.CPU);

    public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));

    public Tensor @float() => to(ScalarType.Float32);

    public Tensor @double() => to(ScalarType.Float64);

    public Tensor @long() => to(ScalarType.Int64);

    public Tensor @int() => to(ScalarType.Int32);

    public Tensor @bool() => to(ScalarType.Bool);

    public Tensor half() => to(ScalarType.Float16);

    public Tensor bfloat16() => to(ScalarType.BFloat16);

    public Tensor contiguous(MemoryFormat memory_format = MemoryFormat.Contiguous) =>
        Result(LibSegNative.seg_tensor_contiguous(handle, (int)memory_format, out var r), r);

    public Tensor clone() => Result(LibSegNative.seg_tensor_clone(handle, out var r), r);

    public Tensor detach() => Result(LibSegNative.seg_tensor_detach(handle, out var r), r);

    public Tensor detach_()
    {
        Check(LibSegNative.seg_tensor_detach_(handle));
        return this;
    }

    /// <summary>Copies <paramref name="src"/> into this tensor (broadcasting, converting dtype/device).</summary>
    public Tensor copy_(Tensor src, bool non_blocking = false)
    {
        ArgumentNullException.ThrowIfNull(src);
        Check(LibSegNative.seg_tensor_copy_(handle, src.handle, non_blocking ? 1 : 0));
        return this;
    }

    /// <summary>Makes this tensor use <paramref name="src"/>'s data, keeping its own identity.</summary>
    public void set_data(Tensor src)
    {
        ArgumentNullException.ThrowIfNull(src);
        Check(LibSegNative.seg_tensor_set_data(handle, src.handle));
    }

    internal IntPtr data_ptr()
    {
        Check(LibSegNative.seg_tensor_data_ptr(handle, out var p));
        return p;
    }

    internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> values, ReadOnlySpan<long> shape, ScalarType? dtype, Device? device, bool requires_grad)
        where T : unmanaged
    {
        var source = ScalarTypeInfo.Of<T>();
        var dev = device ?? Device.CPU;
        Tensor t;
        fixed (T* p = values)
        fixed (long* s = shape)
            t = Result(LibSegNative.seg_tensor_from_data(p, (long)values.Length * sizeof(T), s, shape.Length, (int)source,
                (int)dev.type, dev.index, 0, out var r), r);
        if (dtype is { } want && want != source)
        {
            var converted = t.to(want);
            t.Dispose();
            t = converted;
        }
        if (requires_grad) t.requires_grad = true;
        return t;
    }
}
