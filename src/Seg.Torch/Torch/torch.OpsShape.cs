using Seg.Torch.Native;

namespace Seg.Torch;

// torch.cat, torch.stack, torch.reshape, ... : joins and the static forms of Tensor.Shape.cs.
public static partial class torch
{
    /// <summary>Concatenates along an existing dim.</summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0) => Join(0, tensors, dim);

    /// <summary>Joins along a new dim.</summary>
    public static Tensor stack(IList<Tensor> tensors, long dim = 0) => Join(1, tensors, dim);

    private static unsafe Tensor Join(int op, IList<Tensor> tensors, long dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var hs = TensorList.Handles(tensors.ToArray(), nameof(tensors));
        if (hs.Contains(IntPtr.Zero)) throw new ArgumentException("tensor list contains null", nameof(tensors));
        int rc;
        IntPtr r;
        fixed (IntPtr* p = hs) rc = LibSegNative.seg_cat(op, p, hs.Length, dim, out r);
        GC.KeepAlive(tensors);
        return Tensor.Result(rc, r);
    }

    public static Tensor reshape(Tensor input, params long[] shape) => In(input).reshape(shape);
    public static Tensor permute(Tensor input, params long[] dims) => In(input).permute(dims);
    public static Tensor transpose(Tensor input, long dim0, long dim1) => In(input).transpose(dim0, dim1);
    public static Tensor t(Tensor input) => In(input).t();
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => In(input).flatten(start_dim, end_dim);
    public static Tensor unflatten(Tensor input, long dim, params long[] sizes) => In(input).unflatten(dim, sizes);
    public static Tensor squeeze(Tensor input) => In(input).squeeze();
    public static Tensor squeeze(Tensor input, long dim) => In(input).squeeze(dim);
    public static Tensor unsqueeze(Tensor input, long dim) => In(input).unsqueeze(dim);
    public static Tensor broadcast_to(Tensor input, params long[] shape) => In(input).broadcast_to(shape);
    public static Tensor flip(Tensor input, params long[] dims) => In(input).flip(dims);
    public static Tensor roll(Tensor input, long shifts, long dims) => In(input).roll(shifts, dims);
    public static Tensor roll(Tensor input, long[] shifts, long[]? dims = null) => In(input).roll(shifts, dims);
    public static Tensor movedim(Tensor input, long source, long destination) => In(input).movedim(source, destination);
    public static Tensor narrow(Tensor input, long dim, long start, long length) => In(input).narrow(dim, start, length);
    public static Tensor select(Tensor input, long dim, long index) => In(input).select(dim, index);
    public static Tensor[] split(Tensor input, long split_size, long dim = 0) => In(input).split(split_size, dim);
    public static Tensor[] split(Tensor input, long[] split_sizes, long dim = 0) => In(input).split(split_sizes, dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => In(input).chunk(chunks, dim);
    public static Tensor[] unbind(Tensor input, long dim = 0) => In(input).unbind(dim);
    public static Tensor index_select(Tensor input, long dim, Tensor index) => In(input).index_select(dim, index);
    public static Tensor gather(Tensor input, long dim, Tensor index) => In(input).gather(dim, index);
    public static Tensor take_along_dim(Tensor input, Tensor indices, long dim) => In(input).take_along_dim(indices, dim);
    public static Tensor scatter(Tensor input, long dim, Tensor index, Tensor src) => In(input).scatter(dim, index, src);
    public static Tensor scatter(Tensor input, long dim, Tensor index, Scalar value) => In(input).scatter(dim, index, value);
    public static Tensor scatter_add(Tensor input, long dim, Tensor index, Tensor src) => In(input).scatter_add(dim, index, src);
}
