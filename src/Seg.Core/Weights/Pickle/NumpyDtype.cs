using Seg.Torch;

namespace Seg.Core.Weights.Pickle;

/// <summary>A numpy dtype of a weights array: its code (<c>f4</c>), byte order, and the tensor type it becomes.</summary>
internal sealed record NumpyDtype(string Code, bool BigEndian)
{
    private static readonly Dictionary<string, (ScalarType Type, int Size)> Codes = new()
    {
        ["f2"] = (ScalarType.Float16, 2), ["f4"] = (ScalarType.Float32, 4), ["f8"] = (ScalarType.Float64, 8),
        ["i1"] = (ScalarType.Int8, 1), ["i2"] = (ScalarType.Int16, 2), ["i4"] = (ScalarType.Int32, 4), ["i8"] = (ScalarType.Int64, 8),
        ["u1"] = (ScalarType.Byte, 1), ["b1"] = (ScalarType.Bool, 1),
    };

    public ScalarType Type => Codes[Code].Type;

    public int ItemSize => Codes[Code].Size;

    /// <summary>The dtype numpy.dtype(code) makes, or a refusal naming the dtypes a weights file may use.</summary>
    public static NumpyDtype FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!Codes.ContainsKey(code))
            throw new PickleRefusal($"numpy dtype '{code}' is not a weights dtype (accepted: {string.Join(", ", Codes.Keys)}; bfloat16 is stored by Paddle as uint16 and is not read)", "numpy.dtype");
        return new NumpyDtype(code, false);
    }

    /// <summary>The numpy code of a tensor type, for writing.</summary>
    public static string CodeOf(ScalarType type) =>
        Codes.FirstOrDefault(kv => kv.Value.Type == type).Key
        ?? throw new NotSupportedException($"{type} has no numpy dtype a .pdparams file can hold (convert it to float32 first)");
}
