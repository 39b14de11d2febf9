using Seg.Torch.Images;

namespace Seg.Torch.Tests.Images;

// Unreadable files raise errors that name the file and the reason; the process carries on.
[Category(TestCategories.NeedsShared)]
public class ImageErrorTests
{
    private static ImageDecodeException ReadBroken(byte[] content, string extension)
    {
        var path = ImageFixtures.TempPath(extension);
        File.WriteAllBytes(path, content);
        try
        {
            var e = Assert.Throws<ImageDecodeException>(() => ImageIO.read_image(path))!;
            Assert.That(e.Message, Does.Contain(path));
            Assert.That(e.FileName, Is.EqualTo(path));
            return e;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Truncated_png_names_the_file()
    {
        var bytes = File.ReadAllBytes(ImageFixtures.CamVidFile("train/0001TP_006690.png"));
        var e = ReadBroken(bytes[..(bytes.Length / 2)], ".png");
        Assert.That(e.Reason, Does.Contain("corrupt or truncated PNG"));
    }

    [Test]
    public void Truncated_jpeg_is_refused_although_libjpeg_would_fill_it_grey()
    {
        var bytes = File.ReadAllBytes(ImageFixtures.SmallJpeg);
        var e = ReadBroken(bytes[..(bytes.Length * 2 / 3)], ".jpg");
        Assert.That(e.Reason, Does.Contain("truncated JPEG"));
    }

    [Test]
    public void Corrupt_png_body_names_the_file()
    {
        var bytes = File.ReadAllBytes(ImageFixtures.BgraPng);
        for (var i = 40; i < bytes.Length - 12; i++) bytes[i] ^= 0x5a;
        var e = ReadBroken(bytes, ".png");
        Assert.That(e.Reason, Does.Contain("PNG"));
    }

    [Test]
    public void Text_file_is_not_an_image()
    {
        var e = ReadBroken("hello, not an image"u8.ToArray(), ".png");
        Assert.That(e.Reason, Does.Contain("not a recognized image format"));
        Assert.Throws<ImageDecodeException>(() => ImageIO.decode_image(ReadOnlySpan<byte>.Empty));
    }

    [Test]
    public void Missing_file_names_the_path_and_the_next_read_works()
    {
        var path = ImageFixtures.TempPath(".png");
        var e = Assert.Throws<FileNotFoundException>(() => ImageIO.read_image(path))!;
        Assert.That(e.Message, Does.Contain(path));
        using var ok = ImageIO.read_image(ImageFixtures.SmallJpeg);
        Assert.That(ok.shape, Is.EqualTo(new long[] { 48, 64, 3 }));
    }

    [Test]
    public void Unknown_mode_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageIO.read_image(ImageFixtures.SmallJpeg, (ImageReadMode)9));
    }
}
