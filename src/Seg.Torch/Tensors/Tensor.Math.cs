using Seg.Torch.Native;

namespace Seg.Torch;

// One-input math, clamp, softmax and matrix products.
public partial class Tensor
{
    internal Tensor Unary(UnaryOp op) => Result(LibSegNative.seg_unary((int)op, handle, out var r), r);

    internal Tensor UnaryInPlace(UnaryOp op) => CheckThis(LibSegNative.seg_unary_((int)op, handle));

    public Tensor exp() => Unary(UnaryOp.Exp);
    public Tensor exp_() => UnaryInPlace(UnaryOp.Exp);
    public Tensor expm1() => Unary(UnaryOp.Expm1);
    public Tensor log() => Unary(UnaryOp.Log);
    public Tensor log_() => UnaryInPlace(UnaryOp.Log);
    public Tensor log2() => Unary(UnaryOp.Log2);
    public Tensor log10() => Unary(UnaryOp.Log10);
    public Tensor log1p() => Unary(UnaryOp.Log1p);
    public Tensor sqrt() => Unary(UnaryOp.Sqrt);
    public Tensor sqrt_() => UnaryInPlace(UnaryOp.Sqrt);
    public Tensor rsqrt() => Unary(UnaryOp.Rsqrt);
    public Tensor abs() => Unary(UnaryOp.Abs);
    public Tensor abs_() => UnaryInPlace(UnaryOp.Abs);
    public Tensor sign() => Unary(UnaryOp.Sign);
    public Tensor floor() => Unary(UnaryOp.Floor);
    public Tensor floor_() => UnaryInPlace(UnaryOp.Floor);
    public Tensor ceil() => Unary(UnaryOp.Ceil);
    public Tensor ceil_() => UnaryInPlace(UnaryOp.Ceil);

    /// <summary>Rounds half to even, as torch.round.</summary>
    public Tensor round() => Unary(UnaryOp.Round);
    public Tensor round_() => UnaryInPlace(UnaryOp.Round);
    public Tensor trunc() => Unary(UnaryOp.Trunc);
    public Tensor reciprocal() => Unary(UnaryOp.Reciprocal);
    public Tensor reciprocal_() => UnaryInPlace(UnaryOp.Reciprocal);
    public Tensor sigmoid() => Unary(UnaryOp.Sigmoid);
    public Tensor sigmoid_() => UnaryInPlace(UnaryOp.Sigmoid);
    public Tensor tanh() => Unary(UnaryOp.Tanh);
    public Tensor tanh_() => UnaryInPlace(UnaryOp.Tanh);
    public Tensor sin() => Unary(UnaryOp.Sin);
    public Tensor cos() => Unary(UnaryOp.Cos);

    public Tensor pow(Scalar exponent) => Binary(BinaryOp.Pow, exponent);
    public Tensor pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent);
    public Tensor pow_(Scalar exponent) => BinaryInPlace(BinaryOp.Pow, exponent);
    public Tensor pow_(Tensor exponent) => BinaryInPlace(BinaryOp.Pow, exponent);

    /// <summary>Limits to [min, max]; either bound may be omitted (not both).</summary>
    public Tensor clamp(Scalar? min = null, Scalar? max = null) => Clamp(min, max, false);
    public Tensor clamp_(Scalar? min = null, Scalar? max = null) => Clamp(min, max, true);
    public Tensor clamp_min(Scalar min) => Clamp(min, null, false);
    public Tensor clamp_min_(Scalar min) => Clamp(min, null, true);
    public Tensor clamp_max(Scalar max) => Clamp(null, max, false);
    public Tensor clamp_max_(Scalar max) => Clamp(null, max, true);
    public Tensor clip(Scalar? min = null, Scalar? max = null) => Clamp(min, max, false);

    private Tensor Clamp(Scalar? min, Scalar? max, bool inplace)
    {
        var lo = min ?? default;
        var hi = max ?? default;
        var rc = LibSegNative.seg_clamp(handle, lo.D, lo.I, min.HasValue ? lo.Kind : -1, hi.D, hi.I, max.HasValue ? hi.Kind : -1, inplace ? 1 : 0, out var r);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    public Tensor softmax(long dim, ScalarType? dtype = null) =>
        Result(LibSegNative.seg_softmax(0, handle, dim, dtype is { } t ? (int)t : -1, out var r), r);

    public Tensor log_softmax(long dim, ScalarType? dtype = null) =>
        Result(LibSegNative.seg_softmax(1, handle, dim, dtype is { } t ? (int)t : -1, out var r), r);

    public Tensor matmul(Tensor other) => MatMul(0, other);
    public Tensor mm(Tensor mat2) => MatMul(1, mat2);
    public Tensor bmm(Tensor mat2) => MatMul(2, mat2);
    public Tensor dot(Tensor other) => MatMul(3, other);
    public Tensor outer(Tensor vec2) => MatMul(4, vec2);

    private Tensor MatMul(int op, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Result(LibSegNative.seg_matmul(op, handle, other.handle, out var r), r);
    }
}
