namespace Seg.Torch;

// torch.sum, torch.max, torch.topk, ... : the static forms of Tensor.Reduce.cs.
public static partial class torch
{
    // int overloads: see Tensor.sum (a literal 0 must be a dim, not ScalarType.Byte).
    public static Tensor sum(Tensor input, ScalarType? dtype = null) => In(input).sum(dtype);
    public static Tensor sum(Tensor input, int dim, bool keepdim = false, ScalarType? dtype = null) => In(input).sum(dim, keepdim, dtype);
    public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => In(input).sum(dim, keepdim, dtype);
    public static Tensor sum(Tensor input, long[] dim, bool keepdim = false, ScalarType? dtype = null) => In(input).sum(dim, keepdim, dtype);
    public static Tensor mean(Tensor input, ScalarType? dtype = null) => In(input).mean(dtype);
    public static Tensor mean(Tensor input, int dim, bool keepdim = false, ScalarType? dtype = null) => In(input).mean(dim, keepdim, dtype);
    public static Tensor mean(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => In(input).mean(dim, keepdim, dtype);
    public static Tensor mean(Tensor input, long[] dim, bool keepdim = false, ScalarType? dtype = null) => In(input).mean(dim, keepdim, dtype);
    public static Tensor prod(Tensor input, ScalarType? dtype = null) => In(input).prod(dtype);
    public static Tensor prod(Tensor input, int dim, bool keepdim = false, ScalarType? dtype = null) => In(input).prod(dim, keepdim, dtype);
    public static Tensor prod(Tensor input, long dim, bool keepdim = false, ScalarType? dtype = null) => In(input).prod(dim, keepdim, dtype);
    public static Tensor std(Tensor input, bool unbiased = true) => In(input).std(unbiased);
    public static Tensor std(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => In(input).std(dim, unbiased, keepdim);
    public static Tensor var(Tensor input, bool unbiased = true) => In(input).var(unbiased);
    public static Tensor var(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => In(input).var(dim, unbiased, keepdim);
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => In(input).logsumexp(dim, keepdim);
    public static Tensor amax(Tensor input, long[] dim, bool keepdim = false) => In(input).amax(dim, keepdim);
    public static Tensor amin(Tensor input, long[] dim, bool keepdim = false) => In(input).amin(dim, keepdim);
    public static Tensor max(Tensor input) => In(input).max();
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => In(input).max(dim, keepdim);
    public static Tensor max(Tensor input, Tensor other) => In(input).maximum(other);
    public static Tensor min(Tensor input) => In(input).min();
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => In(input).min(dim, keepdim);
    public static Tensor min(Tensor input, Tensor other) => In(input).minimum(other);
    public static Tensor maximum(Tensor input, Tensor other) => In(input).maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => In(input).minimum(other);
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => In(input).argmax(dim, keepdim);
    public static Tensor argmin(Tensor input, long? dim = null, bool keepdim = false) => In(input).argmin(dim, keepdim);
    public static Tensor any(Tensor input) => In(input).any();
    public static Tensor any(Tensor input, long dim, bool keepdim = false) => In(input).any(dim, keepdim);
    public static Tensor all(Tensor input) => In(input).all();
    public static Tensor all(Tensor input, long dim, bool keepdim = false) => In(input).all(dim, keepdim);
    public static Tensor cumsum(Tensor input, long dim, ScalarType? dtype = null) => In(input).cumsum(dim, dtype);

    public static (Tensor values, Tensor indexes) topk(Tensor input, long k, long dim = -1, bool largest = true, bool sorted = true) =>
        In(input).topk(k, dim, largest, sorted);

    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) =>
        In(input).sort(dim, descending, stable);

    public static Tensor argsort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => In(input).argsort(dim, descending, stable);
    public static Tensor bincount(Tensor input, Tensor? weights = null, long minlength = 0) => In(input).bincount(weights, minlength);

    public static (Tensor output, Tensor? inverse_indices, Tensor? counts) unique(Tensor input, bool sorted = true, bool return_inverse = false, bool return_counts = false) =>
        In(input).unique(sorted, return_inverse, return_counts);

    public static Tensor nonzero(Tensor input) => In(input).nonzero();
}
