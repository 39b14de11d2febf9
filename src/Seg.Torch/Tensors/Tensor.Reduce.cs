using Seg.Torch.Native;

namespace Seg.Torch;

// Reductions, value+index reductions, sorting and counting.
public partial class Tensor
{
    private unsafe Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool hasDims, bool keepdim = false, ScalarType? dtype = null, bool unbiased = true)
    {
        fixed (long* d = dims)
            return Result(LibSegNative.seg_reduce((int)op, handle, d, dims.Length, hasDims ? 1 : 0, keepdim ? 1 : 0,
                dtype is { } t ? (int)t : -1, unbiased ? 1 : 0, out var r), r);
    }

    private Tensor ReduceAll(ReduceOp op, ScalarType? dtype = null, bool unbiased = true) => Reduce(op, default, false, false, dtype, unbiased);

    private Tensor ReduceDims(ReduceOp op, long[] dim, bool keepdim, ScalarType? dtype = null, bool unbiased = true)
    {
        ArgumentNullException.ThrowIfNull(dim);
        return Reduce(op, dim, true, keepdim, dtype, unbiased);
    }

    private Tensor ReduceDim(ReduceOp op, long dim, bool keepdim, ScalarType? dtype = null, bool unbiased = true) =>
        Reduce(op, [dim], true, keepdim, dtype, unbiased);

    // The int overloads exist so that a literal dim (sum(0)) binds to a dim: C# would otherwise
    // convert the constant 0 to ScalarType? and pick the whole-tensor overload.
    public Tensor sum(ScalarType? dtype = null) => ReduceAll(ReduceOp.Sum, dtype);
    public Tensor sum(int dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Sum, dim, keepdim, dtype);
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Sum, dim, keepdim, dtype);
    public Tensor sum(long[] dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDims(ReduceOp.Sum, dim, keepdim, dtype);

    public Tensor mean(ScalarType? dtype = null) => ReduceAll(ReduceOp.Mean, dtype);
    public Tensor mean(int dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Mean, dim, keepdim, dtype);
    public Tensor mean(long dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Mean, dim, keepdim, dtype);
    public Tensor mean(long[] dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDims(ReduceOp.Mean, dim, keepdim, dtype);

    public Tensor prod(ScalarType? dtype = null) => ReduceAll(ReduceOp.Prod, dtype);
    public Tensor prod(int dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Prod, dim, keepdim, dtype);
    public Tensor prod(long dim, bool keepdim = false, ScalarType? dtype = null) => ReduceDim(ReduceOp.Prod, dim, keepdim, dtype);

    /// <summary>Standard deviation, with Bessel's correction unless <paramref name="unbiased"/> is false.</summary>
    public Tensor std(bool unbiased = true) => ReduceAll(ReduceOp.Std, unbiased: unbiased);
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => ReduceDim(ReduceOp.Std, dim, keepdim, unbiased: unbiased);
    public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => ReduceDims(ReduceOp.Std, dim, keepdim, unbiased: unbiased);

    public Tensor var(bool unbiased = true) => ReduceAll(ReduceOp.Var, unbiased: unbiased);
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => ReduceDim(ReduceOp.Var, dim, keepdim, unbiased: unbiased);
    public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => ReduceDims(ReduceOp.Var, dim, keepdim, unbiased: unbiased);

    public Tensor logsumexp(long dim, bool keepdim = false) => ReduceDim(ReduceOp.Logsumexp, dim, keepdim);
    public Tensor logsumexp(long[] dim, bool keepdim = false) => ReduceDims(ReduceOp.Logsumexp, dim, keepdim);
    public Tensor amax(long[] dim, bool keepdim = false) => ReduceDims(ReduceOp.Amax, dim, keepdim);
    public Tensor amin(long[] dim, bool keepdim = false) => ReduceDims(ReduceOp.Amin, dim, keepdim);

    /// <summary>The largest element, as a 0-dimensional tensor.</summary>
    public Tensor max() => ReduceAll(ReduceOp.Max);

    /// <summary>The largest values along <paramref name="dim"/> and their positions.</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => Indexed(0, dim, keepdim);

    /// <summary>Elementwise maximum (same as maximum).</summary>
    public Tensor max(Tensor other) => Binary(BinaryOp.Maximum, other);

    public Tensor min() => ReduceAll(ReduceOp.Min);
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => Indexed(1, dim, keepdim);
    public Tensor min(Tensor other) => Binary(BinaryOp.Minimum, other);

    public Tensor maximum(Tensor other) => Binary(BinaryOp.Maximum, other);
    public Tensor minimum(Tensor other) => Binary(BinaryOp.Minimum, other);

    private (Tensor, Tensor) Indexed(int op, long dim, bool keepdim)
    {
        Check(LibSegNative.seg_reduce_indexed(op, handle, dim, keepdim ? 1 : 0, out var v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    /// <summary>Index of the largest element of the flattened tensor, or along <paramref name="dim"/>.</summary>
    public Tensor argmax(long? dim = null, bool keepdim = false) =>
        dim is { } d ? ReduceDim(ReduceOp.Argmax, d, keepdim) : ReduceAll(ReduceOp.Argmax);

    public Tensor argmin(long? dim = null, bool keepdim = false) =>
        dim is { } d ? ReduceDim(ReduceOp.Argmin, d, keepdim) : ReduceAll(ReduceOp.Argmin);

    /// <summary>True if any element is non-zero (a 0-dimensional bool tensor).</summary>
    public Tensor any() => ReduceAll(ReduceOp.Any);
    public Tensor any(long dim, bool keepdim = false) => ReduceDim(ReduceOp.Any, dim, keepdim);
    public Tensor all() => ReduceAll(ReduceOp.All);
    public Tensor all(long dim, bool keepdim = false) => ReduceDim(ReduceOp.All, dim, keepdim);

    public Tensor cumsum(long dim, ScalarType? dtype = null) => ReduceDim(ReduceOp.Cumsum, dim, false, dtype);

    /// <summary>The k largest (or smallest) elements along <paramref name="dim"/> and their positions.</summary>
    public (Tensor values, Tensor indexes) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Check(LibSegNative.seg_topk(handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    public unsafe (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false)
    {
        IntPtr v;
        Check(LibSegNative.seg_sort(handle, dim, descending ? 1 : 0, stable ? 1 : 0, &v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    public unsafe Tensor argsort(long dim = -1, bool descending = false, bool stable = false) =>
        Result(LibSegNative.seg_sort(handle, dim, descending ? 1 : 0, stable ? 1 : 0, null, out var i), i);

    /// <summary>Counts of each value of a 1-D non-negative integer tensor (summed weights if given).</summary>
    public Tensor bincount(Tensor? weights = null, long minlength = 0)
    {
        var rc = LibSegNative.seg_bincount(handle, TensorList.HandleOf(weights), minlength, out var r);
        GC.KeepAlive(weights);
        return Result(rc, r);
    }

    /// <summary>Distinct elements (flattened); inverse_indices and counts are null unless asked for.</summary>
    public (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(bool sorted = true, bool return_inverse = false, bool return_counts = false)
    {
        Check(LibSegNative.seg_unique(handle, sorted ? 1 : 0, return_inverse ? 1 : 0, return_counts ? 1 : 0, out var v, out var inv, out var c));
        return (new Tensor(v), inv == IntPtr.Zero ? null : new Tensor(inv), c == IntPtr.Zero ? null : new Tensor(c));
    }

    /// <summary>Indices of the non-zero elements, one row per element ([n, ndim], int64).</summary>
    public Tensor nonzero() => Result(LibSegNative.seg_nonzero(handle, out var r), r);
}
