namespace Seg.Torch;

/// <summary>A bfloat16 value: the upper 16 bits of an IEEE float32 (round to nearest even on conversion).</summary>
public readonly record struct BFloat16(ushort Bits)
{
    public static BFloat16 FromSingle(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        if (float.IsNaN(value)) return new BFloat16((ushort)((bits >> 16) | 0x40));
        var rounding = 0x7FFFu + ((bits >> 16) & 1);
        return new BFloat16((ushort)((bits + rounding) >> 16));
    }

    public float ToSingle() => BitConverter.UInt32BitsToSingle((uint)Bits << 16);

    public static explicit operator float(BFloat16 v) => v.ToSingle();
    public static explicit operator BFloat16(float v) => FromSingle(v);
    public override string ToString() => ToSingle().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
