using Seg.Torch.Native;

namespace Seg.Torch;

// Views and reshapes, splits, indexing and scatter.
public partial class Tensor
{
    private unsafe Tensor ShapeList(int op, ReadOnlySpan<long> sizes)
    {
        fixed (long* s = sizes)
            return Result(LibSegNative.seg_shape_list(op, handle, s, sizes.Length, out var r), r);
    }

    private Tensor ShapeDims(int op, long a = 0, long b = 0, long c = 0, long d = 0) =>
        Result(LibSegNative.seg_shape_dims(op, handle, a, b, c, d, out var r), r);

    private Tensor ShapeAs(int op, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Result(LibSegNative.seg_shape_as(op, handle, other.handle, out var r), r);
    }

    /// <summary>A view with another shape (one size may be -1); fails when the strides do not allow it.</summary>
    public Tensor view(params long[] shape) => ShapeList(0, shape);

    /// <summary>A view when possible, otherwise a copy.</summary>
    public Tensor reshape(params long[] shape) => ShapeList(1, shape);
    public Tensor permute(params long[] dims) => ShapeList(2, dims);

    /// <summary>A broadcast view; -1 keeps a size.</summary>
    public Tensor expand(params long[] sizes) => ShapeList(3, sizes);
    public Tensor broadcast_to(params long[] shape) => ShapeList(6, shape);

    /// <summary>Tiles the tensor <paramref name="repeats"/> times along each dim (a copy).</summary>
    public Tensor repeat(params long[] repeats) => ShapeList(4, repeats);
    public Tensor flip(params long[] dims) => ShapeList(5, dims);

    public Tensor transpose(long dim0, long dim1) => ShapeDims(0, dim0, dim1);

    /// <summary>Transpose of a tensor of at most 2 dims.</summary>
    public Tensor t() => ShapeDims(1);
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => ShapeDims(2, start_dim, end_dim);
    public Tensor squeeze() => ShapeDims(3);
    public Tensor squeeze(long dim) => ShapeDims(4, dim);
    public Tensor unsqueeze(long dim) => ShapeDims(5, dim);
    public Tensor narrow(long dim, long start, long length) => ShapeDims(6, dim, start, length);

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, with that dim removed.</summary>
    public Tensor select(long dim, long index) => ShapeDims(7, dim, index);

    /// <summary>Elements start, start+step, ... before end along dim (end is clamped, as Python slicing).</summary>
    public Tensor slice(long dim, long start, long end, long step = 1) => ShapeDims(8, dim, start, end, step);
    public Tensor movedim(long source, long destination) => ShapeDims(9, source, destination);

    public Tensor expand_as(Tensor other) => ShapeAs(0, other);
    public Tensor view_as(Tensor other) => ShapeAs(1, other);
    public Tensor reshape_as(Tensor other) => ShapeAs(2, other);

    /// <summary>select(0, index).</summary>
    public Tensor this[long index] => select(0, index);

    public unsafe Tensor unflatten(long dim, params long[] sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        fixed (long* s = sizes)
            return Result(LibSegNative.seg_unflatten(handle, dim, s, sizes.Length, out var r), r);
    }

    public Tensor roll(long shifts, long dims) => roll([shifts], [dims]);

    /// <summary>Rolls along each of <paramref name="dims"/>; with no dims the flattened tensor is rolled.</summary>
    public unsafe Tensor roll(long[] shifts, long[]? dims = null)
    {
        ArgumentNullException.ThrowIfNull(shifts);
        dims ??= [];
        fixed (long* s = shifts)
        fixed (long* d = dims)
            return Result(LibSegNative.seg_roll(handle, s, shifts.Length, d, dims.Length, out var r), r);
    }

    private unsafe Tensor[] Split(int op, ReadOnlySpan<long> ints, long dim)
    {
        fixed (long* p = ints)
        {
            var rc = LibSegNative.seg_split(op, handle, p, ints.Length, dim, out var list, out var count);
            return TensorList.Read(rc, list, count);
        }
    }

    /// <summary>Pieces of <paramref name="split_size"/> along dim (the last may be smaller).</summary>
    public Tensor[] split(long split_size, long dim = 0) => Split(0, [split_size], dim);

    public Tensor[] split(long[] split_sizes, long dim = 0)
    {
        ArgumentNullException.ThrowIfNull(split_sizes);
        return Split(1, split_sizes, dim);
    }

    public Tensor[] chunk(long chunks, long dim = 0) => Split(2, [chunks], dim);
    public Tensor[] unbind(long dim = 0) => Split(3, default, dim);

    private Tensor IndexOp(int op, long dim, Tensor index)
    {
        ArgumentNullException.ThrowIfNull(index);
        return Result(LibSegNative.seg_index_select(op, handle, dim, index.handle, out var r), r);
    }

    public Tensor index_select(long dim, Tensor index) => IndexOp(0, dim, index);
    public Tensor gather(long dim, Tensor index) => IndexOp(1, dim, index);
    public Tensor take_along_dim(Tensor indices, long dim) => IndexOp(2, dim, indices);

    public Tensor scatter(long dim, Tensor index, Tensor src) => Scatter(0, dim, index, src ?? throw new ArgumentNullException(nameof(src)), default, false);
    public Tensor scatter(long dim, Tensor index, Scalar value) => Scatter(0, dim, index, null, value, false);
    public Tensor scatter_(long dim, Tensor index, Tensor src) => Scatter(0, dim, index, src ?? throw new ArgumentNullException(nameof(src)), default, true);
    public Tensor scatter_(long dim, Tensor index, Scalar value) => Scatter(0, dim, index, null, value, true);
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => Scatter(1, dim, index, src ?? throw new ArgumentNullException(nameof(src)), default, false);
    public Tensor scatter_add_(long dim, Tensor index, Tensor src) => Scatter(1, dim, index, src ?? throw new ArgumentNullException(nameof(src)), default, true);

    private Tensor Scatter(int op, long dim, Tensor index, Tensor? src, Scalar value, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(index);
        var rc = LibSegNative.seg_scatter(op, handle, dim, index.handle, TensorList.HandleOf(src), value.D, value.I, value.Kind, inplace ? 1 : 0, out var r);
        GC.KeepAlive(src);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    /// <summary>this[indices...] = values, one index tensor per leading dim (summed when accumulate).</summary>
    public unsafe Tensor index_put_(Tensor values, Tensor[] indices, bool accumulate = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var hs = TensorList.Handles(indices, nameof(indices));
        fixed (IntPtr* p = hs)
            Check(LibSegNative.seg_index_put_(handle, p, hs.Length, values.handle, accumulate ? 1 : 0));
        GC.KeepAlive(indices);
        return this;
    }

    /// <summary>Advanced indexing this[indices...] with one index tensor (long or bool) per leading dim.</summary>
    public unsafe Tensor index(params Tensor[] indices)
    {
        var hs = TensorList.Handles(indices, nameof(indices));
        int rc;
        IntPtr r;
        fixed (IntPtr* p = hs) rc = LibSegNative.seg_index(handle, p, hs.Length, out r);
        GC.KeepAlive(indices);
        return Result(rc, r);
    }
}
