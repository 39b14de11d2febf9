using Seg.Core.Data.Datasets;
using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Tests.Visualization;

// Our palette and 16-bit PNGs, read back by libpng (OpenCV) and by the palette decoder, against PIL's own palette PNG.
public class PngWriterTests
{
    [Test]
    public void Palette_png_holds_class_ids_and_PaddleSegs_palette_like_PILs()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = VisualizeFixtures.File["blend_prediction"];
        int h = (int)prediction.shape[0], w = (int)prediction.shape[1];
        var palette = ColorMap.GetColorMapList(256);

        var png = PngWriter.EncodePalette(prediction.data<byte>(), w, h, palette);

        Assert.That(PngPaletteDecoder.ColorType(png), Is.EqualTo(3), "colour type: palette");
        var (dh, dw, indices) = PngPaletteDecoder.Decode(png);
        Assert.That((dh, dw), Is.EqualTo((h, w)));
        Assert.That(indices, Is.EqualTo(prediction.data<byte>()));
        Assert.That(Plte(png), Is.EqualTo(palette));
        // libpng expands the palette: the colours must equal those of PIL's file of the same prediction.
        var pil = File.ReadAllBytes(Path.Combine(VisualizeFixtures.Dir, "pil_pseudo_color.png"));
        Assert.That(PngPaletteDecoder.ColorType(pil), Is.EqualTo(3));
        Assert.That(Plte(pil), Is.EqualTo(palette), "PIL's palette");
        Assert.That(ImageIO.decode_image(png).equal(ImageIO.decode_image(pil)), Is.True, "colours differ from PIL's palette PNG");
    }

    [Test]
    public void Gray16_png_keeps_ids_above_255()
    {
        using var scope = torch.NewDisposeScope();
        ushort[] values = [0, 1, 255, 256, 1000, 1001, 65535, 300, 7, 42, 512, 999];

        var png = PngWriter.EncodeGray16(values, 4, 3);
        var decoded = ImageIO.decode_image(png, ImageReadMode.Unchanged);

        Assert.That(decoded.shape, Is.EqualTo(new long[] { 3, 4, 1 }));
        Assert.That(decoded.to(ScalarType.Int32).data<int>(), Is.EqualTo(values.Select(v => (int)v).ToArray()));
    }

    [Test]
    public void Bad_sizes_are_refused()
    {
        Assert.That(() => PngWriter.EncodePalette(new byte[5], 2, 3, new byte[3]), Throws.ArgumentException);
        Assert.That(() => PngWriter.EncodePalette(new byte[6], 2, 3, new byte[4]), Throws.ArgumentException);
        Assert.That(() => PngWriter.EncodeGray16(new ushort[1], 0, 1), Throws.ArgumentException);
    }

    // The PLTE chunk's data.
    private static byte[] Plte(byte[] png)
    {
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            if (png.AsSpan(pos + 4, 4).SequenceEqual("PLTE"u8)) return png.AsSpan(pos + 8, length).ToArray();
            pos += 12 + length;
        }
        throw new AssertionException("no PLTE chunk");
    }
}
