using Seg.Torch.Native;

namespace Seg.Torch;

// Elementwise arithmetic with PyTorch's type promotion and broadcasting, and the C# operators.
public partial class Tensor
{
    internal Tensor Binary(BinaryOp op, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Result(LibSegNative.seg_binary((int)op, handle, other.handle, out var r), r);
    }

    internal Tensor Binary(BinaryOp op, Scalar other) =>
        Result(LibSegNative.seg_binary_scalar((int)op, handle, other.D, other.I, other.Kind, out var r), r);

    internal Tensor BinaryInPlace(BinaryOp op, Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Check(LibSegNative.seg_binary_((int)op, handle, other.handle));
        return this;
    }

    internal Tensor BinaryInPlace(BinaryOp op, Scalar other)
    {
        Check(LibSegNative.seg_binary_scalar_((int)op, handle, other.D, other.I, other.Kind));
        return this;
    }

    internal static Tensor Reflected(BinaryOp op, Scalar left, Tensor right)
    {
        ArgumentNullException.ThrowIfNull(right);
        return Result(LibSegNative.seg_scalar_binary((int)op, left.D, left.I, left.Kind, right.handle, out var r), r);
    }

    private Tensor AddAlpha(Tensor? other, Scalar scalarOther, Scalar alpha, bool subtract, bool inplace)
    {
        var rc = LibSegNative.seg_add_alpha(handle, TensorList.HandleOf(other), scalarOther.D, scalarOther.I, scalarOther.Kind,
            alpha.D, alpha.I, alpha.Kind, subtract ? 1 : 0, inplace ? 1 : 0, out var r);
        GC.KeepAlive(other);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    private Tensor CheckThis(int rc)
    {
        Check(rc);
        return this;
    }

    public Tensor add(Tensor other) => Binary(BinaryOp.Add, other);
    public Tensor add(Scalar other) => Binary(BinaryOp.Add, other);

    /// <summary>this + alpha * other.</summary>
    public Tensor add(Tensor other, Scalar alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AddAlpha(other, default, alpha, false, false);
    }

    public Tensor add(Scalar other, Scalar alpha) => AddAlpha(null, other, alpha, false, false);
    public Tensor add_(Tensor other) => BinaryInPlace(BinaryOp.Add, other);
    public Tensor add_(Scalar other) => BinaryInPlace(BinaryOp.Add, other);

    public Tensor add_(Tensor other, Scalar alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AddAlpha(other, default, alpha, false, true);
    }

    public Tensor add_(Scalar other, Scalar alpha) => AddAlpha(null, other, alpha, false, true);

    public Tensor sub(Tensor other) => Binary(BinaryOp.Sub, other);
    public Tensor sub(Scalar other) => Binary(BinaryOp.Sub, other);

    /// <summary>this - alpha * other.</summary>
    public Tensor sub(Tensor other, Scalar alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AddAlpha(other, default, alpha, true, false);
    }

    public Tensor sub(Scalar other, Scalar alpha) => AddAlpha(null, other, alpha, true, false);
    public Tensor sub_(Tensor other) => BinaryInPlace(BinaryOp.Sub, other);
    public Tensor sub_(Scalar other) => BinaryInPlace(BinaryOp.Sub, other);

    public Tensor sub_(Tensor other, Scalar alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AddAlpha(other, default, alpha, true, true);
    }

    public Tensor sub_(Scalar other, Scalar alpha) => AddAlpha(null, other, alpha, true, true);

    public Tensor mul(Tensor other) => Binary(BinaryOp.Mul, other);
    public Tensor mul(Scalar other) => Binary(BinaryOp.Mul, other);
    public Tensor mul_(Tensor other) => BinaryInPlace(BinaryOp.Mul, other);
    public Tensor mul_(Scalar other) => BinaryInPlace(BinaryOp.Mul, other);

    /// <summary>True division, or rounded with <paramref name="rounding_mode"/> "trunc" or "floor".</summary>
    public Tensor div(Tensor other, string? rounding_mode = null) => Binary(DivOp(rounding_mode), other);
    public Tensor div(Scalar other, string? rounding_mode = null) => Binary(DivOp(rounding_mode), other);
    public Tensor div_(Tensor other, string? rounding_mode = null) => BinaryInPlace(DivOp(rounding_mode), other);
    public Tensor div_(Scalar other, string? rounding_mode = null) => BinaryInPlace(DivOp(rounding_mode), other);

    private static BinaryOp DivOp(string? rounding_mode) => rounding_mode switch
    {
        null => BinaryOp.Div,
        "trunc" => BinaryOp.DivTrunc,
        "floor" => BinaryOp.DivFloor,
        _ => throw new ArgumentException($"div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '{rounding_mode}'", nameof(rounding_mode)),
    };

    /// <summary>Python's modulus: the result has the sign of the divisor.</summary>
    public Tensor remainder(Tensor other) => Binary(BinaryOp.Remainder, other);
    public Tensor remainder(Scalar other) => Binary(BinaryOp.Remainder, other);
    public Tensor remainder_(Tensor other) => BinaryInPlace(BinaryOp.Remainder, other);
    public Tensor remainder_(Scalar other) => BinaryInPlace(BinaryOp.Remainder, other);

    public Tensor neg() => Unary(UnaryOp.Neg);
    public Tensor neg_() => UnaryInPlace(UnaryOp.Neg);

    public Tensor fill_(Scalar value) => CheckThis(LibSegNative.seg_fill_(handle, value.D, value.I, value.Kind));
    public Tensor zero_() => CheckThis(LibSegNative.seg_zero_(handle));

    /// <summary>this + value * tensor1 * tensor2.</summary>
    public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar? value = null) => AddC(0, tensor1, tensor2, value, false);
    public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar? value = null) => AddC(0, tensor1, tensor2, value, true);

    /// <summary>this + value * tensor1 / tensor2.</summary>
    public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar? value = null) => AddC(1, tensor1, tensor2, value, false);
    public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar? value = null) => AddC(1, tensor1, tensor2, value, true);

    private Tensor AddC(int op, Tensor t1, Tensor t2, Scalar? value, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(t1);
        ArgumentNullException.ThrowIfNull(t2);
        var v = value ?? Scalar.FromInt64(1);
        var rc = LibSegNative.seg_addcmul(op, handle, t1.handle, t2.handle, v.D, v.I, v.Kind, inplace ? 1 : 0, out var r);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    /// <summary>this + weight * (end - this).</summary>
    public Tensor lerp(Tensor end, Scalar weight) => Lerp(end, null, weight, false);
    public Tensor lerp(Tensor end, Tensor weight) => Lerp(end, weight ?? throw new ArgumentNullException(nameof(weight)), default, false);
    public Tensor lerp_(Tensor end, Scalar weight) => Lerp(end, null, weight, true);
    public Tensor lerp_(Tensor end, Tensor weight) => Lerp(end, weight ?? throw new ArgumentNullException(nameof(weight)), default, true);

    private Tensor Lerp(Tensor end, Tensor? weight, Scalar w, bool inplace)
    {
        ArgumentNullException.ThrowIfNull(end);
        var rc = LibSegNative.seg_lerp(handle, end.handle, TensorList.HandleOf(weight), w.D, w.I, w.Kind, inplace ? 1 : 0, out var r);
        GC.KeepAlive(weight);
        return inplace ? CheckThis(rc) : Result(rc, r);
    }

    public static Tensor operator +(Tensor left, Tensor right) => Require(left).Binary(BinaryOp.Add, right);
    public static Tensor operator +(Tensor left, Scalar right) => Require(left).Binary(BinaryOp.Add, right);
    public static Tensor operator +(Scalar left, Tensor right) => Reflected(BinaryOp.Add, left, right);
    public static Tensor operator -(Tensor left, Tensor right) => Require(left).Binary(BinaryOp.Sub, right);
    public static Tensor operator -(Tensor left, Scalar right) => Require(left).Binary(BinaryOp.Sub, right);
    public static Tensor operator -(Scalar left, Tensor right) => Reflected(BinaryOp.Sub, left, right);
    public static Tensor operator *(Tensor left, Tensor right) => Require(left).Binary(BinaryOp.Mul, right);
    public static Tensor operator *(Tensor left, Scalar right) => Require(left).Binary(BinaryOp.Mul, right);
    public static Tensor operator *(Scalar left, Tensor right) => Reflected(BinaryOp.Mul, left, right);
    public static Tensor operator /(Tensor left, Tensor right) => Require(left).Binary(BinaryOp.Div, right);
    public static Tensor operator /(Tensor left, Scalar right) => Require(left).Binary(BinaryOp.Div, right);
    public static Tensor operator /(Scalar left, Tensor right) => Reflected(BinaryOp.Div, left, right);
    public static Tensor operator %(Tensor left, Tensor right) => Require(left).Binary(BinaryOp.Remainder, right);
    public static Tensor operator %(Tensor left, Scalar right) => Require(left).Binary(BinaryOp.Remainder, right);
    public static Tensor operator -(Tensor operand) => Require(operand).Unary(UnaryOp.Neg);

    private static Tensor Require(Tensor t, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(t))] string? name = null) =>
        t ?? throw new ArgumentNullException(name);
}
