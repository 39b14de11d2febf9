namespace Seg.Torch;

// torch.exp, torch.clamp, torch.matmul, ... : the static forms of Tensor.Math.cs.
public static partial class torch
{
    public static Tensor exp(Tensor input) => In(input).exp();
    public static Tensor expm1(Tensor input) => In(input).expm1();
    public static Tensor log(Tensor input) => In(input).log();
    public static Tensor log2(Tensor input) => In(input).log2();
    public static Tensor log10(Tensor input) => In(input).log10();
    public static Tensor log1p(Tensor input) => In(input).log1p();
    public static Tensor sqrt(Tensor input) => In(input).sqrt();
    public static Tensor rsqrt(Tensor input) => In(input).rsqrt();
    public static Tensor abs(Tensor input) => In(input).abs();
    public static Tensor sign(Tensor input) => In(input).sign();
    public static Tensor floor(Tensor input) => In(input).floor();
    public static Tensor ceil(Tensor input) => In(input).ceil();
    public static Tensor round(Tensor input) => In(input).round();
    public static Tensor trunc(Tensor input) => In(input).trunc();
    public static Tensor reciprocal(Tensor input) => In(input).reciprocal();
    public static Tensor sigmoid(Tensor input) => In(input).sigmoid();
    public static Tensor tanh(Tensor input) => In(input).tanh();
    public static Tensor sin(Tensor input) => In(input).sin();
    public static Tensor cos(Tensor input) => In(input).cos();
    public static Tensor pow(Tensor input, Scalar exponent) => In(input).pow(exponent);
    public static Tensor pow(Tensor input, Tensor exponent) => In(input).pow(exponent);
    public static Tensor pow(Scalar input, Tensor exponent) => Tensor.Reflected(Native.BinaryOp.Pow, input, exponent);
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => In(input).clamp(min, max);
    public static Tensor clamp_min(Tensor input, Scalar min) => In(input).clamp_min(min);
    public static Tensor clamp_max(Tensor input, Scalar max) => In(input).clamp_max(max);
    public static Tensor clip(Tensor input, Scalar? min = null, Scalar? max = null) => In(input).clamp(min, max);
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => In(input).softmax(dim, dtype);
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => In(input).log_softmax(dim, dtype);
    public static Tensor matmul(Tensor input, Tensor other) => In(input).matmul(other);
    public static Tensor mm(Tensor input, Tensor mat2) => In(input).mm(mat2);
    public static Tensor bmm(Tensor input, Tensor mat2) => In(input).bmm(mat2);
    public static Tensor dot(Tensor input, Tensor other) => In(input).dot(other);
    public static Tensor outer(Tensor input, Tensor vec2) => In(input).outer(vec2);
}
