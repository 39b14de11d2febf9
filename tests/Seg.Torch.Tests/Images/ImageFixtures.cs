namespace Seg.Torch.Tests.Images;

// Paths of the image fixtures (tests/fixtures/make_images.py) and of the CamVid data set.
internal static class ImageFixtures
{
    internal static string Dir => Path.Combine(TestPaths.Fixtures, "images");

    internal static string SmallJpeg => Path.Combine(Dir, "small.jpg");

    internal static string Gray16Png => Path.Combine(Dir, "gray16.png");

    internal static string BgraPng => Path.Combine(Dir, "bgra.png");

    internal static string Expected => Path.Combine(Dir, "expected.safetensors");

    internal static string CamVid => Path.Combine(TestPaths.SharedData, "camvid");

    internal static string CamVidFile(string relative)
    {
        var path = Path.Combine(CamVid, relative);
        if (!File.Exists(path)) Assert.Fail($"CamVid is not available ({path}); tests that need ../shared are in category {TestCategories.NeedsShared}");
        return path;
    }

    internal static string TempPath(string extension) => Path.Combine(Path.GetTempPath(), $"seg-img-{Guid.NewGuid():N}{extension}");

    internal static void AssertSameImage(Tensor actual, Tensor expected, string what)
    {
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), what + ": dtype");
        Assert.That(actual.shape, Is.EqualTo(expected.shape), what + ": shape");
        if (expected.dtype == ScalarType.Int32)
            Assert.That(actual.data<int>(), Is.EqualTo(expected.data<int>()), what + ": values");
        else
            Assert.That(actual.data<byte>(), Is.EqualTo(expected.data<byte>()), what + ": values");
    }
}
