namespace Seg.Torch;

/// <summary>
/// A scalar passed by value to libtorch (no native object): an integer stays an integer, so
/// int_tensor + 2 stays integral while int_tensor + 2.0 promotes, as in PyTorch.
/// </summary>
public readonly record struct Scalar
{
    private Scalar(double d, long i, int kind) { D = d; I = i; Kind = kind; }

    internal double D { get; }
    internal long I { get; }
    /// <summary>0 floating point, 1 integer, 2 boolean (the codes of seg::scalar).</summary>
    internal int Kind { get; }

    public bool IsFloatingPoint => Kind == 0;

    public double ToDouble() => Kind == 0 ? D : I;

    public static Scalar FromDouble(double v) => new(v, 0, 0);
    public static Scalar FromInt64(long v) => new(0, v, 1);
    public static Scalar FromBoolean(bool v) => new(0, v ? 1 : 0, 2);

    public static implicit operator Scalar(double v) => FromDouble(v);
    public static implicit operator Scalar(float v) => FromDouble(v);
    public static implicit operator Scalar(long v) => FromInt64(v);
    public static implicit operator Scalar(int v) => FromInt64(v);
    public static implicit operator Scalar(bool v) => FromBoolean(v);

    public override string ToString() => Kind switch
    {
        0 => D.ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => I.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => I != 0 ? "True" : "False",
    };
}
