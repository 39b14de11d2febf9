using Seg.Torch.Images;

namespace Seg.Torch.Tests.Images;

// PNG encoding is lossless and readable by OpenCV in Python.
public class ImageEncodeTests
{
    [TestCase(new long[] { 17, 23, 3 })]
    [TestCase(new long[] { 17, 23, 4 })]
    [TestCase(new long[] { 17, 23, 1 })]
    [TestCase(new long[] { 5, 7 })]
    public void Png_round_trip_is_identical(long[] shape)
    {
        torch.manual_seed(3);
        using var image = torch.randint(0, 256, shape, ScalarType.Byte);
        var png = ImageIO.encode_png(image);
        Assert.That(png.AsSpan(1, 3).ToArray(), Is.EqualTo("PNG"u8.ToArray()));
        using var decoded = ImageIO.decode_image(png, ImageReadMode.Unchanged);
        var expectedShape = shape.Length == 2 ? [shape[0], shape[1], 1] : shape;
        Assert.That(decoded.shape, Is.EqualTo(expectedShape));
        Assert.That(decoded.data<byte>(), Is.EqualTo(image.data<byte>()));
    }

    [Test]
    public void Rgb_flag_writes_channels_in_file_order()
    {
        using var expected = SafeTensors.Load(ImageFixtures.Expected);
        using var rgb = ImageIO.read_image(ImageFixtures.SmallJpeg, ImageReadMode.RGB);
        using var fromRgb = ImageIO.decode_image(ImageIO.encode_png(rgb, rgb: true));
        ImageFixtures.AssertSameImage(fromRgb, expected["jpg_color"], "RGB written with rgb: true");
        using var rgba = ImageIO.bgr_to_rgb(expected["bgra_unchanged"]);
        using var fromRgba = ImageIO.decode_image(ImageIO.encode_png(rgba, rgb: true), ImageReadMode.Unchanged);
        ImageFixtures.AssertSameImage(fromRgba, expected["bgra_unchanged"], "RGBA written with rgb: true");
    }

    [Test]
    public void Written_png_reads_identically_in_python_cv2()
    {
        var path = ImageFixtures.TempPath(".png");
        var oracle = ImageFixtures.TempPath(".safetensors");
        try
        {
            using var expected = SafeTensors.Load(ImageFixtures.Expected);
            ImageIO.write_png(expected["jpg_color"], path, compression_level: 9);
            PythonOracle.Run("""
                import cv2, torch, safetensors_io
                safetensors_io.save(sys.argv[2], {"img": torch.from_numpy(cv2.imread(sys.argv[1], cv2.IMREAD_UNCHANGED))})
                """, path, oracle);
            using var python = SafeTensors.Load(oracle);
            ImageFixtures.AssertSameImage(python["img"], expected["jpg_color"], "cv2 reading our PNG");
        }
        finally
        {
            File.Delete(path);
            File.Delete(oracle);
        }
    }

    [Test]
    public void Invalid_images_are_argument_errors()
    {
        using var f = torch.zeros([4, 4, 3], ScalarType.Float32);
        Assert.That(Assert.Throws<ArgumentException>(() => ImageIO.encode_png(f))!.Message, Does.Contain("uint8"));
        using var two = torch.zeros([4, 4, 2], ScalarType.Byte);
        Assert.That(Assert.Throws<ArgumentException>(() => ImageIO.encode_png(two))!.Message, Does.Contain("1, 3 or 4 channels"));
        using var flat = torch.zeros([16], ScalarType.Byte);
        Assert.That(Assert.Throws<ArgumentException>(() => ImageIO.encode_png(flat))!.Message, Does.Contain("HxW"));
        using var ok = torch.zeros([4, 4], ScalarType.Byte);
        Assert.That(Assert.Throws<ArgumentException>(() => ImageIO.encode_png(ok, compression_level: 10))!.Message, Does.Contain("0..9"));
        using var gray = torch.zeros([4, 4, 1], ScalarType.Byte);
        Assert.Throws<ArgumentException>(() => ImageIO.bgr_to_rgb(gray));
    }
}
