using Seg.Torch.Native;

namespace Seg.Torch;

// Elementwise comparisons (bool results), logical ops, whole-tensor equality and mask selection.
// There are deliberately no == / != operators: Tensor keeps reference equality.
public partial class Tensor
{
    public Tensor eq(Tensor other) => Binary(BinaryOp.Eq, other);
    public Tensor eq(Scalar other) => Binary(BinaryOp.Eq, other);
    public Tensor ne(Tensor other) => Binary(BinaryOp.Ne, other);
    public Tensor ne(Scalar other) => Binary(BinaryOp.Ne, other);
    public Tensor lt(Tensor other) => Binary(BinaryOp.Lt, other);
    public Tensor lt(Scalar other) => Binary(BinaryOp.Lt, other);
    public Tensor le(Tensor other) => Binary(BinaryOp.Le, other);
    public Tensor le(Scalar other) => Binary(BinaryOp.Le, other);
    public Tensor gt(Tensor other) => Binary(BinaryOp.Gt, other);
    public Tensor gt(Scalar other) => Binary(BinaryOp.Gt, other);
    public Tensor ge(Tensor other) => Binary(BinaryOp.Ge, other);
    public Tensor ge(Scalar other) => Binary(BinaryOp.Ge, other);

    public Tensor logical_and(Tensor other) => Binary(BinaryOp.LogicalAnd, other);
    public Tensor logical_or(Tensor other) => Binary(BinaryOp.LogicalOr, other);
    public Tensor logical_not() => Unary(UnaryOp.LogicalNot);
    public Tensor isnan() => Unary(UnaryOp.Isnan);
    public Tensor isfinite() => Unary(UnaryOp.Isfinite);

    /// <summary>True when both have the same shape and the same values (torch.equal).</summary>
    public bool equal(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check(LibSegNative.seg_equal(handle, other.handle, out var r));
        return r != 0;
    }

    /// <summary>|this - other| &lt;= atol + rtol * |other| everywhere (torch.allclose).</summary>
    public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check(LibSegNative.seg_allclose(handle, other.handle, rtol, atol, equal_nan ? 1 : 0, out var r));
        return r != 0;
    }

    /// <summary>This where <paramref name="condition"/> holds, else <paramref name="other"/> (Tensor.where).</summary>
    public Tensor where(Tensor condition, Tensor other) => torch.where(condition, this, other);
    public Tensor where(Tensor condition, Scalar other) => torch.where(condition, this, other);

    public Tensor masked_fill(Tensor mask, Scalar value) => MaskedFill(mask, null, value, false);
    public Tensor masked_fill(Tensor mask, Tensor value) => MaskedFill(mask, value ?? throw new ArgumentNullException(nameof(value)), default, false);
    public Tensor masked_fill_(Tensor mask, Scalar value) => MaskedFill(mask, null, value, true);
    public Tensor masked_fill_(Tensor mask, Tensor value) => MaskedFill(mask, value ?? throw new ArgumentNullException(nameof(value)), default, true);

    private Tensor MaskedFill(Tensor mask, Tensor? value, Scalar s, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var rc = LibSegNative.seg_masked_fill(handle, mask.handle, TensorList.HandleOf(value), s.D, s.I, s.Kind, inplace ? 1 : 0, out var r);
        GC.KeepAlive(value);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    public Tensor masked_select(Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Result(LibSegNative.seg_masked_select(handle, mask.handle, out var r), r);
    }
}
