using Seg.Torch.Native;

namespace Seg.Torch;

// torch.eq, torch.where, torch.equal, ... : the static forms of Tensor.Compare.cs.
public static partial class torch
{
    public static Tensor eq(Tensor input, Tensor other) => In(input).eq(other);
    public static Tensor eq(Tensor input, Scalar other) => In(input).eq(other);
    public static Tensor ne(Tensor input, Tensor other) => In(input).ne(other);
    public static Tensor ne(Tensor input, Scalar other) => In(input).ne(other);
    public static Tensor lt(Tensor input, Tensor other) => In(input).lt(other);
    public static Tensor lt(Tensor input, Scalar other) => In(input).lt(other);
    public static Tensor le(Tensor input, Tensor other) => In(input).le(other);
    public static Tensor le(Tensor input, Scalar other) => In(input).le(other);
    public static Tensor gt(Tensor input, Tensor other) => In(input).gt(other);
    public static Tensor gt(Tensor input, Scalar other) => In(input).gt(other);
    public static Tensor ge(Tensor input, Tensor other) => In(input).ge(other);
    public static Tensor ge(Tensor input, Scalar other) => In(input).ge(other);
    public static Tensor logical_and(Tensor input, Tensor other) => In(input).logical_and(other);
    public static Tensor logical_or(Tensor input, Tensor other) => In(input).logical_or(other);
    public static Tensor logical_not(Tensor input) => In(input).logical_not();
    public static Tensor isnan(Tensor input) => In(input).isnan();
    public static Tensor isfinite(Tensor input) => In(input).isfinite();
    public static bool equal(Tensor input, Tensor other) => In(input).equal(other);

    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        In(input).allclose(other, rtol, atol, equal_nan);

    public static Tensor masked_select(Tensor input, Tensor mask) => In(input).masked_select(mask);

    /// <summary>Elements of <paramref name="x"/> where <paramref name="condition"/> holds, else of <paramref name="y"/> (broadcast, promoted).</summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Where(condition, x ?? throw new ArgumentNullException(nameof(x)), default, y ?? throw new ArgumentNullException(nameof(y)), default);
    public static Tensor where(Tensor condition, Tensor x, Scalar y) => Where(condition, x ?? throw new ArgumentNullException(nameof(x)), default, null, y);
    public static Tensor where(Tensor condition, Scalar x, Tensor y) => Where(condition, null, x, y ?? throw new ArgumentNullException(nameof(y)), default);
    public static Tensor where(Tensor condition, Scalar x, Scalar y) => Where(condition, null, x, null, y);

    private static Tensor Where(Tensor condition, Tensor? x, Scalar xs, Tensor? y, Scalar ys)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var rc = LibSegNative.seg_where(condition.handle, TensorList.HandleOf(x), xs.D, xs.I, xs.Kind, TensorList.HandleOf(y), ys.D, ys.I, ys.Kind, out var r);
        GC.KeepAlive(x);
        GC.KeepAlive(y);
        return Tensor.Result(rc, r);
    }
}
