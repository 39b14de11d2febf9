using System.Globalization;
using System.Text;

namespace Seg.Pssl.Npy;

/// <summary>
/// Writes a uint8 array as a <c>.npy</c> (format 1.0, <c>|u1</c>, C order) exactly as numpy's <c>np.save</c> does:
/// the header dict is padded with spaces so that the data starts at a multiple of 64 bytes.
/// </summary>
public static class NpyWriter
{
    private const int Alignment = 64;

    /// <summary>Writes <paramref name="values"/> (row-major, product of <paramref name="shape"/> elements) to <paramref name="stream"/>.</summary>
    public static void WriteUInt8(Stream stream, ReadOnlySpan<byte> values, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape) count = checked(count * d);
        if (count != values.Length) throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {count} values, got {values.Length}", nameof(values));
        stream.Write(Header("|u1", shape));
        stream.Write(values);
    }

    private static byte[] Header(string descr, IReadOnlyList<long> shape)
    {
        var dims = string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        if (shape.Count == 1) dims += ",";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        var unpadded = 10 + dict.Length + 1;
        var padding = (Alignment - unpadded % Alignment) % Alignment;
        var text = dict + new string(' ', padding) + "\n";
        var header = new byte[10 + text.Length];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte)(text.Length & 0xFF);
        header[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, header.AsSpan(10));
        return header;
    }
}
