namespace Seg.Torch;

// torch.add, torch.mul, ... : the static forms of Tensor.Arithmetic.cs.
public static partial class torch
{
    public static Tensor add(Tensor input, Tensor other) => In(input).add(other);
    public static Tensor add(Tensor input, Scalar other) => In(input).add(other);
    public static Tensor add(Tensor input, Tensor other, Scalar alpha) => In(input).add(other, alpha);
    public static Tensor sub(Tensor input, Tensor other) => In(input).sub(other);
    public static Tensor sub(Tensor input, Scalar other) => In(input).sub(other);
    public static Tensor sub(Tensor input, Tensor other, Scalar alpha) => In(input).sub(other, alpha);
    public static Tensor mul(Tensor input, Tensor other) => In(input).mul(other);
    public static Tensor mul(Tensor input, Scalar other) => In(input).mul(other);
    public static Tensor div(Tensor input, Tensor other, string? rounding_mode = null) => In(input).div(other, rounding_mode);
    public static Tensor div(Tensor input, Scalar other, string? rounding_mode = null) => In(input).div(other, rounding_mode);
    public static Tensor remainder(Tensor input, Tensor other) => In(input).remainder(other);
    public static Tensor remainder(Tensor input, Scalar other) => In(input).remainder(other);
    public static Tensor remainder(Scalar input, Tensor other) => Tensor.Reflected(Native.BinaryOp.Remainder, input, other);
    public static Tensor neg(Tensor input) => In(input).neg();
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, Scalar? value = null) => In(input).addcmul(tensor1, tensor2, value);
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, Scalar? value = null) => In(input).addcdiv(tensor1, tensor2, value);
    public static Tensor lerp(Tensor input, Tensor end, Scalar weight) => In(input).lerp(end, weight);
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => In(input).lerp(end, weight);

    private static Tensor In(Tensor input, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(input))] string? name = null) =>
        input ?? throw new ArgumentNullException(name);
}
