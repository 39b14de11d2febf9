using Seg.Torch.Images;

namespace Seg.Torch.Tests.Images;

// Decoding agrees with what Python's cv2.imread returned for the committed fixtures.
public class ImageDecodeTests
{
    [Test]
    public void Jpeg_decodes_exactly_as_cv2_imread_in_color_and_grayscale()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        using var color = ImageIO.read_image(ImageFixtures.SmallJpeg);
        ImageFixtures.AssertSameImage(color, expected["jpg_color"], "color");
        Assert.That(color.shape, Is.EqualTo(new long[] { 48, 64, 3 }));
        using var gray = ImageIO.read_image(ImageFixtures.SmallJpeg, ImageReadMode.Grayscale);
        ImageFixtures.AssertSameImage(gray, expected["jpg_gray"], "grayscale");
        Assert.That(gray.shape, Is.EqualTo(new long[] { 48, 64, 1 }));
    }

    [Test]
    public void Rgb_mode_is_the_bgr_image_with_first_and_third_channel_swapped()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        var bgr = expected["jpg_color"].data<byte>();
        var rgb = new byte[bgr.Length];
        for (var i = 0; i < bgr.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (bgr[i + 2], bgr[i + 1], bgr[i]);
        using var read = ImageIO.read_image(ImageFixtures.SmallJpeg, ImageReadMode.RGB);
        Assert.That(read.shape, Is.EqualTo(new long[] { 48, 64, 3 }));
        Assert.That(read.data<byte>(), Is.EqualTo(rgb));
        using var swapped = ImageIO.bgr_to_rgb(expected["jpg_color"]);
        Assert.That(swapped.data<byte>(), Is.EqualTo(rgb));
        using var back = ImageIO.rgb_to_bgr(swapped);
        Assert.That(back.data<byte>(), Is.EqualTo(bgr));
    }

    [Test]
    public void Bgra_swap_keeps_alpha_in_place()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        var bgra = expected["bgra_unchanged"].data<byte>();
        using var swapped = ImageIO.bgr_to_rgb(expected["bgra_unchanged"]);
        var rgba = swapped.data<byte>();
        for (var i = 0; i < bgra.Length; i += 4)
            Assert.That(new[] { rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3] }, Is.EqualTo(new[] { bgra[i + 2], bgra[i + 1], bgra[i], bgra[i + 3] }));
    }

    [Test]
    public void Unchanged_keeps_alpha_and_color_drops_it()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        using var unchanged = ImageIO.read_image(ImageFixtures.BgraPng, ImageReadMode.Unchanged);
        ImageFixtures.AssertSameImage(unchanged, expected["bgra_unchanged"], "unchanged");
        Assert.That(unchanged.shape, Is.EqualTo(new long[] { 6, 9, 4 }));
        using var color = ImageIO.read_image(ImageFixtures.BgraPng, ImageReadMode.Color);
        ImageFixtures.AssertSameImage(color, expected["bgra_color"], "color");
    }

    [Test]
    public void Sixteen_bit_png_gives_exact_int32_values_unchanged_and_uint8_in_grayscale()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        using var unchanged = ImageIO.read_image(ImageFixtures.Gray16Png, ImageReadMode.Unchanged);
        ImageFixtures.AssertSameImage(unchanged, expected["gray16_unchanged"], "16-bit unchanged");
        var values = unchanged.data<int>();
        Assert.That(values[0], Is.Zero);
        Assert.That(values[1], Is.EqualTo(65535));
        using var gray = ImageIO.read_image(ImageFixtures.Gray16Png, ImageReadMode.Grayscale);
        ImageFixtures.AssertSameImage(gray, expected["gray16_gray"], "16-bit as 8-bit grayscale");
    }

    [Test]
    public void Bytes_and_file_decode_agree_in_every_mode()
    {
        foreach (var file in new[] { ImageFixtures.SmallJpeg, ImageFixtures.BgraPng, ImageFixtures.Gray16Png })
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var mode in Enum.GetValues<ImageReadMode>())
            {
                using var fromFile = ImageIO.read_image(file, mode);
                using var fromBytes = ImageIO.decode_image(bytes, mode);
                ImageFixtures.AssertSameImage(fromBytes, fromFile, $"{Path.GetFileName(file)} {mode}");
            }
        }
    }

    [Test]
    public void Decoded_tensor_owns_its_memory()
    {
        var bytes = File.ReadAllBytes(ImageFixtures.BgraPng);
        using var image = ImageIO.decode_image(bytes, ImageReadMode.Unchanged);
        var before = image.data<byte>();
        Array.Clear(bytes);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var again = ImageIO.decode_image(File.ReadAllBytes(ImageFixtures.BgraPng), ImageReadMode.Unchanged);
        Assert.That(image.data<byte>(), Is.EqualTo(before));
        Assert.That(image.data<byte>(), Is.EqualTo(again.data<byte>()));
        Assert.That(image.is_contiguous(), Is.True);
    }
}
