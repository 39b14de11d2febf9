using System.Buffers.Binary;
using System.IO.Compression;

namespace Seg.Core.Visualization;

/// <summary>
/// The two PNG kinds OpenCV cannot write: 8-bit palette ("P", colour type 3, as PIL saves a 'P' image with a
/// palette) and 16-bit greyscale from managed data. Unfiltered scanlines, zlib via <see cref="ZLibStream"/>.
/// </summary>
public static class PngWriter
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>An 8-bit palette PNG: pixel values are <paramref name="indices"/> (row-major), PLTE = <paramref name="paletteRgb"/> (flat RGB, 1-256 entries).</summary>
    public static byte[] EncodePalette(ReadOnlySpan<byte> indices, int width, int height, ReadOnlySpan<byte> paletteRgb)
    {
        CheckSize(indices.Length, width, height);
        if (paletteRgb.Length == 0 || paletteRgb.Length % 3 != 0 || paletteRgb.Length > 768)
            throw new ArgumentException($"a PNG palette has 1 to 256 RGB entries, got {paletteRgb.Length} values", nameof(paletteRgb));
        var raw = new byte[(long)(width + 1) * height];
        for (var y = 0; y < height; y++) indices.Slice(y * width, width).CopyTo(raw.AsSpan((y * (width + 1)) + 1));
        return Encode(width, height, bitDepth: 8, colorType: 3, raw, paletteRgb);
    }

    /// <summary>A 16-bit greyscale PNG of <paramref name="values"/> (row-major).</summary>
    public static byte[] EncodeGray16(ReadOnlySpan<ushort> values, int width, int height)
    {
        CheckSize(values.Length, width, height);
        var stride = (2 * width) + 1;
        var raw = new byte[(long)stride * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan((y * stride) + 1 + (2 * x)), values[(y * width) + x]);
        return Encode(width, height, bitDepth: 16, colorType: 0, raw, []);
    }

    private static void CheckSize(int count, int width, int height)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"invalid PNG size {width}x{height}");
        if (count != (long)width * height) throw new ArgumentException($"{count} pixels do not make a {width}x{height} image");
    }

    private static byte[] Encode(int width, int height, byte bitDepth, byte colorType, byte[] raw, ReadOnlySpan<byte> palette)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)height);
        header[8] = bitDepth;
        header[9] = colorType;
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(png, "IHDR"u8, header);
        if (palette.Length > 0) WriteChunk(png, "PLTE"u8, palette);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) z.Write(raw);
            WriteChunk(png, "IDAT"u8, data.ToArray());
        }
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        s.Write(word);
        s.Write(type);
        s.Write(data);
        var crc = Crc(0xFFFFFFFFu, type);
        crc = Crc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        s.Write(word);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
