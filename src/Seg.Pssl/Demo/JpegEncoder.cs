using static Seg.Pssl.Demo.JpegTables;

namespace Seg.Pssl.Demo;

/// <summary>
/// A small baseline (sequential DCT, Huffman) JPEG encoder for 8-bit RGB images: JFIF, YCbCr 4:4:4, the standard
/// Annex K tables scaled by quality as libjpeg does. Managed and deterministic (the same pixels give the same bytes),
/// so generated demo data is reproducible on every machine.
/// </summary>
public static class JpegEncoder
{
    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>Encodes <paramref name="rgb"/> (height x width x 3, row-major) at <paramref name="quality"/> (1-100).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> rgb, int width, int height, int quality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (rgb.Length != width * height * 3) throw new ArgumentException($"expected {width * height * 3} bytes for {width}x{height} RGB, got {rgb.Length}", nameof(rgb));
        var lumQ = Scale(LuminanceQuant, quality);
        var chromQ = Scale(ChrominanceQuant, quality);
        var dcLum = Codes(DcLuminanceBits, DcValues);
        var acLum = Codes(AcLuminanceBits, AcLuminanceValues);
        var dcChrom = Codes(DcChrominanceBits, DcValues);
        var acChrom = Codes(AcChrominanceBits, AcChrominanceValues);

        using var output = new MemoryStream();
        WriteHeaders(output, width, height, lumQ, chromQ);
        var bits = new BitWriter(output);
        int prevY = 0, prevCb = 0, prevCr = 0;
        var y = new double[64];
        var cb = new double[64];
        var cr = new double[64];
        for (var by = 0; by < height; by += 8)
        {
            for (var bx = 0; bx < width; bx += 8)
            {
                for (var i = 0; i < 64; i++)
                {
                    var px = Math.Min(bx + (i & 7), width - 1);
                    var py = Math.Min(by + (i >> 3), height - 1);
                    var o = ((py * width) + px) * 3;
                    double r = rgb[o], g = rgb[o + 1], b = rgb[o + 2];
                    y[i] = (0.299 * r) + (0.587 * g) + (0.114 * b) - 128;
                    cb[i] = (-0.168736 * r) - (0.331264 * g) + (0.5 * b);
                    cr[i] = (0.5 * r) - (0.418688 * g) - (0.081312 * b);
                }
                prevY = EncodeBlock(bits, y, lumQ, prevY, dcLum, acLum);
                prevCb = EncodeBlock(bits, cb, chromQ, prevCb, dcChrom, acChrom);
                prevCr = EncodeBlock(bits, cr, chromQ, prevCr, dcChrom, acChrom);
            }
        }
        bits.Flush();
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    private static int EncodeBlock(BitWriter bits, double[] block, byte[] quant, int previousDc, (int Code, int Length)[] dc, (int Code, int Length)[] ac)
    {
        Span<int> zz = stackalloc int[64];
        Span<double> rows = stackalloc double[64];
        for (var yy = 0; yy < 8; yy++)
        {
            for (var u = 0; u < 8; u++)
            {
                double row = 0;
                for (var xx = 0; xx < 8; xx++) row += block[(yy * 8) + xx] * Cosines[u, xx];
                rows[(yy * 8) + u] = row;
            }
        }
        for (var v = 0; v < 8; v++)
        {
            for (var u = 0; u < 8; u++)
            {
                double sum = 0;
                for (var yy = 0; yy < 8; yy++) sum += rows[(yy * 8) + u] * Cosines[v, yy];
                var cu = u == 0 ? Math.Sqrt(0.5) : 1.0;
                var cv = v == 0 ? Math.Sqrt(0.5) : 1.0;
                var natural = (v * 8) + u;
                zz[ZigZag[natural]] = (int)Math.Round(0.25 * cu * cv * sum / quant[ZigZag[natural]], MidpointRounding.AwayFromZero);
            }
        }
        var diff = zz[0] - previousDc;
        var category = Category(diff);
        bits.Write(dc[category]);
        bits.Write(Magnitude(diff, category), category);
        var zeros = 0;
        for (var k = 1; k < 64; k++)
        {
            if (zz[k] == 0)
            {
                zeros++;
                continue;
            }
            while (zeros >= 16)
            {
                bits.Write(ac[0xF0]);
                zeros -= 16;
            }
            var c = Category(zz[k]);
            bits.Write(ac[(zeros << 4) | c]);
            bits.Write(Magnitude(zz[k], c), c);
            zeros = 0;
        }
        if (zeros > 0) bits.Write(ac[0x00]);
        return zz[0];
    }

    private static int Category(int value)
    {
        var a = Math.Abs(value);
        var c = 0;
        while (a > 0)
        {
            c++;
            a >>= 1;
        }
        return c;
    }

    private static int Magnitude(int value, int category) => value >= 0 ? value : value + (1 << category) - 1;

    private static void WriteHeaders(Stream s, int width, int height, byte[] lumQ, byte[] chromQ)
    {
        s.Write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        s.Write([0xFF, 0xDB, 0x00, 0x84, 0x00]);
        s.Write(lumQ);
        s.WriteByte(0x01);
        s.Write(chromQ);
        s.Write([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
        var tables = new (byte Id, byte[] Bits, byte[] Values)[]
        {
            (0x00, DcLuminanceBits, DcValues), (0x10, AcLuminanceBits, AcLuminanceValues),
            (0x01, DcChrominanceBits, DcValues), (0x11, AcChrominanceBits, AcChrominanceValues),
        };
        var length = 2 + tables.Sum(t => 17 + t.Values.Length);
        s.Write([0xFF, 0xC4, (byte)(length >> 8), (byte)length]);
        foreach (var (id, counts, values) in tables)
        {
            s.WriteByte(id);
            s.Write(counts);
            s.Write(values);
        }
        s.Write([0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]);
    }

    // The quantisation table in zigzag order, scaled as libjpeg's jpeg_quality_scaling.
    private static byte[] Scale(byte[] natural, int quality)
    {
        var scale = quality < 50 ? 5000 / quality : 200 - (2 * quality);
        var result = new byte[64];
        for (var i = 0; i < 64; i++) result[ZigZag[i]] = (byte)Math.Clamp(((natural[i] * scale) + 50) / 100, 1, 255);
        return result;
    }

    private static (int Code, int Length)[] Codes(byte[] counts, byte[] values)
    {
        var table = new (int, int)[256];
        int code = 0, k = 0;
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++) table[values[k++]] = (code++, length);
            code <<= 1;
        }
        return table;
    }

    private static double[,] BuildCosines()
    {
        var c = new double[8, 8];
        for (var u = 0; u < 8; u++)
            for (var x = 0; x < 8; x++) c[u, x] = Math.Cos(((2 * x) + 1) * u * Math.PI / 16);
        return c;
    }

    private sealed class BitWriter(Stream stream)
    {
        private int buffer;
        private int count;

        public void Write((int Code, int Length) code) => Write(code.Code, code.Length);

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                buffer = (buffer << 1) | ((value >> i) & 1);
                if (++count == 8) Emit();
            }
        }

        public void Flush()
        {
            while (count != 0) Write(1, 1);
        }

        private void Emit()
        {
            stream.WriteByte((byte)buffer);
            if (buffer == 0xFF) stream.WriteByte(0x00);
            buffer = 0;
            count = 0;
        }
    }
}
