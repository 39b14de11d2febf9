using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Seg.Pssl.Npy;

/// <summary>
/// Reads one <c>.npy</c> array (format versions 1, 2 and 3): the magic, the header dict (<c>descr</c>,
/// <c>fortran_order</c>, <c>shape</c>) and the data. Only integer dtypes of 1, 2, 4 or 8 bytes (either byte order)
/// and bool are supported; Fortran-ordered data is returned in C order.
/// </summary>
public static partial class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads an array from <paramref name="stream"/>; <paramref name="name"/> is used in error messages.</summary>
    public static NpyArray Read(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = ReadExactly(stream, 8, name, "the magic and version");
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic)) throw new NpyFormatException($"{name}: not a .npy array (bad magic)");
        var major = prefix[6];
        int headerLength = major switch
        {
            1 => BinaryPrimitives.ReadUInt16LittleEndian(ReadExactly(stream, 2, name, "the header length")),
            2 or 3 => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(ReadExactly(stream, 4, name, "the header length"))),
            _ => throw new NpyFormatException($"{name}: unsupported .npy format version {major}.{prefix[7]} (1, 2 and 3 are supported)"),
        };
        var headerBytes = ReadExactly(stream, headerLength, name, "the header");
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (descr, fortran, shape) = ParseHeader(header, name);
        var (size, read) = ElementReader(descr, name);

        long count = 1;
        foreach (var d in shape) count = checked(count * d);
        var data = ReadExactly(stream, checked((int)(count * size)), name, $"the data ({count} elements of '{descr}')");
        var values = new long[count];
        for (var i = 0; i < count; i++) values[i] = read(data.AsSpan(i * size, size));
        if (fortran && shape.Length > 1) values = FortranToC(values, shape);
        return new NpyArray(descr, shape, values);
    }

    private static (string Descr, bool Fortran, long[] Shape) ParseHeader(string header, string name)
    {
        var descr = DescrRegex().Match(header);
        var fortran = FortranRegex().Match(header);
        var shape = ShapeRegex().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new NpyFormatException($"{name}: malformed .npy header (expected 'descr', 'fortran_order' and 'shape'): {header.Trim()}");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new NpyFormatException($"{name}: bad shape '({shape.Groups[1].Value})' in the .npy header"))
            .ToArray();
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims);
    }

    private static (int Size, ElementRead Read) ElementReader(string descr, string name)
    {
        if (descr.Length < 3) throw Unsupported(descr, name);
        var order = descr[0];
        var kind = descr[1];
        if (!int.TryParse(descr.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var size)) throw Unsupported(descr, name);
        var big = order switch
        {
            '<' or '=' or '|' => !BitConverter.IsLittleEndian && order == '=',
            '>' => true,
            _ => throw Unsupported(descr, name),
        };
        ElementRead? read = (kind, size) switch
        {
            ('b', 1) => s => s[0] != 0 ? 1 : 0,
            ('i', 1) => s => (sbyte)s[0],
            ('u', 1) => s => s[0],
            ('i', 2) => s => big ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
            ('u', 2) => s => big ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
            ('i', 4) => s => big ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
            ('u', 4) => s => big ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
            ('i', 8) => s => big ? BinaryPrimitives.ReadInt64BigEndian(s) : BinaryPrimitives.ReadInt64LittleEndian(s),
            ('u', 8) => s => unchecked((long)(big ? BinaryPrimitives.ReadUInt64BigEndian(s) : BinaryPrimitives.ReadUInt64LittleEndian(s))),
            _ => null,
        };
        return (size, read ?? throw Unsupported(descr, name));
    }

    private static NpyFormatException Unsupported(string descr, string name) =>
        new($"{name}: unsupported dtype '{descr}' (integer or bool arrays only)");

    private static long[] FortranToC(long[] values, long[] shape)
    {
        var result = new long[values.Length];
        var index = new long[shape.Length];
        for (long c = 0; c < values.Length; c++)
        {
            long f = 0, stride = 1;
            for (var d = 0; d < shape.Length; d++)
            {
                f += index[d] * stride;
                stride *= shape[d];
            }
            result[c] = values[f];
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    private static byte[] ReadExactly(Stream stream, int count, string name, string what)
    {
        var buffer = new byte[count];
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException e)
        {
            throw new NpyFormatException($"{name}: truncated .npy file while reading {what}", e);
        }
        return buffer;
    }

    private delegate long ElementRead(ReadOnlySpan<byte> bytes);

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
