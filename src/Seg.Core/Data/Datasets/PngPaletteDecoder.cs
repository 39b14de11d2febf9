using System.Buffers.Binary;
using System.IO.Compression;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// Reads the palette indices of a palette ("P", colour type 3) PNG, as PIL's <c>np.asarray(Image.open(f))</c> gives
/// them. OpenCV (libpng) always expands a palette to colours, so the indices need this small decoder: chunks,
/// zlib (<see cref="ZLibStream"/>), the five scanline filters and 1/2/4/8-bit unpacking. Interlaced (Adam7) palette
/// PNGs are not supported and say so.
/// </summary>
internal static class PngPaletteDecoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA), or -1 when the bytes are not a PNG.</summary>
    internal static int ColorType(ReadOnlySpan<byte> png) =>
        png.Length >= 33 && png[..8].SequenceEqual(Signature) && png.Slice(12, 4).SequenceEqual("IHDR"u8) ? png[25] : -1;

    /// <summary>Decodes a palette PNG into (height, width, indices row-major).</summary>
    internal static (int Height, int Width, byte[] Indices) Decode(ReadOnlySpan<byte> png)
    {
        if (ColorType(png) != 3) throw new InvalidDataException("not a palette PNG");
        var width = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[16..]));
        var height = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[20..]));
        int depth = png[24], interlace = png[28];
        if (depth is not (1 or 2 or 4 or 8)) throw new InvalidDataException($"invalid palette PNG bit depth {depth}");
        if (interlace != 0) throw new InvalidDataException("interlaced (Adam7) palette PNG labels are not supported; re-save the label without interlacing");
        if (width <= 0 || height <= 0) throw new InvalidDataException($"invalid PNG size {width}x{height}");

        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= png.Length)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[pos..]));
            var type = png.Slice(pos + 4, 4);
            if (pos + 12 + (long)length > png.Length) throw new InvalidDataException("truncated PNG chunk");
            if (type.SequenceEqual("IDAT"u8)) idat.Write(png.Slice(pos + 8, length));
            if (type.SequenceEqual("IEND"u8)) break;
            pos += 12 + length;
        }
        if (idat.Length == 0) throw new InvalidDataException("PNG has no image data (IDAT)");

        var stride = (width * depth + 7) / 8;
        var raw = new byte[(long)(stride + 1) * height];
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
        {
            var read = 0;
            int n;
            while (read < raw.Length && (n = z.Read(raw, read, raw.Length - read)) > 0) read += n;
            if (read < raw.Length) throw new InvalidDataException("truncated PNG image data");
        }

        var prev = new byte[stride];
        var line = new byte[stride];
        var indices = new byte[(long)width * height];
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = raw[offset];
            Array.Copy(raw, offset + 1, line, 0, stride);
            Unfilter(filter, line, prev);
            Unpack(line, depth, indices.AsSpan(y * width, width));
            (prev, line) = (line, prev);
        }
        return (height, width, indices);
    }

    // bpp is 1 for palette images, so "a" is the previous byte.
    private static void Unfilter(byte filter, byte[] line, byte[] prev)
    {
        switch (filter)
        {
            case 0: break;
            case 1: for (var i = 1; i < line.Length; i++) line[i] += line[i - 1]; break;
            case 2: for (var i = 0; i < line.Length; i++) line[i] += prev[i]; break;
            case 3:
                for (var i = 0; i < line.Length; i++) line[i] += (byte)(((i > 0 ? line[i - 1] : 0) + prev[i]) >> 1);
                break;
            case 4:
                for (var i = 0; i < line.Length; i++) line[i] += Paeth(i > 0 ? line[i - 1] : (byte)0, prev[i], i > 0 ? prev[i - 1] : (byte)0);
                break;
            default: throw new InvalidDataException($"invalid PNG filter type {filter}");
        }
    }

    private static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Unpack(byte[] line, int depth, Span<byte> dst)
    {
        if (depth == 8)
        {
            line.AsSpan(0, dst.Length).CopyTo(dst);
            return;
        }
        var perByte = 8 / depth;
        var mask = (1 << depth) - 1;
        for (var x = 0; x < dst.Length; x++)
        {
            var shift = 8 - depth * (x % perByte + 1);
            dst[x] = (byte)((line[x / perByte] >> shift) & mask);
        }
    }
}
