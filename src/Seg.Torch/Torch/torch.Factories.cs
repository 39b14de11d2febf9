using Seg.Torch.Native;

namespace Seg.Torch;

// Tensor creation.
public static partial class torch
{
    private static unsafe Tensor Factory(int kind, ReadOnlySpan<long> size, ScalarType? dtype, Device? device, bool requires_grad)
    {
        var d = device ?? Device.CPU;
        fixed (long* s = size)
            return Tensor.Result(LibSegNative.seg_factory(kind, s, size.Length, (int)(dtype ?? ScalarType.Float32), (int)d.type, d.index, requires_grad ? 1 : 0, out var r), r);
    }

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Factory(0, size, dtype, device, requires_grad);

    public static Tensor zeros(params long[] size) => Factory(0, size, null, null, false);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Factory(1, size, dtype, device, requires_grad);

    public static Tensor ones(params long[] size) => Factory(1, size, null, null, false);

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Factory(2, size, dtype, device, requires_grad);

    public static Tensor empty(params long[] size) => Factory(2, size, null, null, false);

    /// <summary>Uniform on [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Factory(3, size, dtype, device, requires_grad);

    public static Tensor rand(params long[] size) => Factory(3, size, null, null, false);

    /// <summary>Standard normal.</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Factory(4, size, dtype, device, requires_grad);

    public static Tensor randn(params long[] size) => Factory(4, size, null, null, false);

    /// <summary>Filled with <paramref name="value"/>; the dtype follows the value (float32, int64 or bool) unless given.</summary>
    public static unsafe Tensor full(long[] size, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        ArgumentNullException.ThrowIfNull(size);
        var d = device ?? Device.CPU;
        var t = dtype ?? (value.Kind switch { 0 => ScalarType.Float32, 1 => ScalarType.Int64, _ => ScalarType.Bool });
        fixed (long* s = size)
            return Tensor.Result(LibSegNative.seg_full(s, size.Length, value.D, value.I, value.Kind, (int)t, (int)d.type, d.index, requires_grad ? 1 : 0, out var r), r);
    }

    /// <summary>[start, end) by step; int64 when all bounds are integers, as in PyTorch.</summary>
    public static Tensor arange(Scalar start, Scalar end, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var d = device ?? Device.CPU;
        var integral = !start.IsFloatingPoint && !end.IsFloatingPoint && !step.IsFloatingPoint;
        var t = dtype ?? (integral ? ScalarType.Int64 : ScalarType.Float32);
        return Tensor.Result(LibSegNative.seg_arange(start.ToDouble(), end.ToDouble(), step.ToDouble(), (int)t, (int)d.type, d.index, requires_grad ? 1 : 0, out var r), r);
    }

    public static Tensor arange(Scalar start, Scalar end, ScalarType? dtype = null, Device? device = null) => arange(start, end, 1, dtype, device);

    public static Tensor arange(Scalar end, ScalarType? dtype = null, Device? device = null) => arange(0, end, 1, dtype, device);

    /// <summary>Integers uniform on [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(size);
        var d = device ?? Device.CPU;
        fixed (long* s = size)
            return Tensor.Result(LibSegNative.seg_randint(low, high, s, size.Length, (int)(dtype ?? ScalarType.Int64), (int)d.type, d.index, out var r), r);
    }

    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null) => randint(0, high, size, dtype, device);

    public static Tensor zeros_like(Tensor t, ScalarType? dtype = null) => Like(0, t, dtype);
    public static Tensor ones_like(Tensor t, ScalarType? dtype = null) => Like(1, t, dtype);
    public static Tensor empty_like(Tensor t, ScalarType? dtype = null) => Like(2, t, dtype);
    public static Tensor rand_like(Tensor t, ScalarType? dtype = null) => Like(3, t, dtype);
    public static Tensor randn_like(Tensor t, ScalarType? dtype = null) => Like(4, t, dtype);

    public static Tensor full_like(Tensor t, Scalar value, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Tensor.Result(LibSegNative.seg_full_like(t.handle, value.D, value.I, value.Kind, dtype is { } x ? (int)x : -1, out var r), r);
    }

    private static Tensor Like(int kind, Tensor t, ScalarType? dtype)
    {
        ArgumentNullException.ThrowIfNull(t);
        return Tensor.Result(LibSegNative.seg_factory_like(kind, t.handle, dtype is { } x ? (int)x : -1, out var r), r);
    }

    /// <summary>A tensor holding a copy of <paramref name="values"/>, shaped [values.Length] or <paramref name="shape"/>.</summary>
    public static Tensor tensor<T>(T[] values, long[]? shape = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        return Tensor.FromSpan<T>(values, shape ?? [values.LongLength], dtype, device, requires_grad);
    }

    /// <summary>A tensor holding a copy of a span's elements.</summary>
    public static Tensor from_span<T>(ReadOnlySpan<T> values, ReadOnlySpan<long> shape, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged => Tensor.FromSpan(values, shape, dtype, device, requires_grad);

    /// <summary>A tensor from a rectangular .NET array (any rank), e.g. float[2,3].</summary>
    public static Tensor from_array<T>(Array values, ScalarType? dtype = null, Device? device = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        var shape = new long[values.Rank];
        for (var i = 0; i < values.Rank; i++) shape[i] = values.GetLongLength(i);
        var flat = new T[values.LongLength];
        var k = 0;
        foreach (T v in values) flat[k++] = v;
        return Tensor.FromSpan<T>(flat, shape, dtype, device, false);
    }

    /// <summary>A 0-dimensional tensor.</summary>
    public static Tensor scalar_tensor(Scalar value, ScalarType? dtype = null, Device? device = null) => full([], value, dtype, device);
}
