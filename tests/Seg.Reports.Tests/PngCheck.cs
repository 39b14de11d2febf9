using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Reports.Tests;

// A PNG that decodes (OpenCV), has the expected size and is not blank: enough pixels differ from the most common colour.
internal static class PngCheck
{
    internal static void DecodesAndIsNotBlank(string path, int width, int height, double minInkShare = 0.01)
    {
        Assert.That(File.Exists(path), Is.True, path);
        using var scope = torch.NewDisposeScope();
        var image = ImageIO.decode_image(File.ReadAllBytes(path));
        Assert.That(image.shape, Is.EqualTo(new long[] { height, width, 3 }), $"{path}: size");
        var ink = InkShare(image);
        Assert.That(ink, Is.GreaterThan(minInkShare), $"{path}: only {ink:P2} of the pixels differ from the background");
    }

    // The share of pixels whose colour is not the most common one.
    internal static double InkShare(Tensor image)
    {
        using var scope = torch.NewDisposeScope();
        var flat = image.to(ScalarType.Int64).reshape(-1, 3);
        var keys = flat.select(1, 0) * 65536 + flat.select(1, 1) * 256 + flat.select(1, 2);
        var counts = ImageOps.value_counts(keys);
        var total = keys.numel();
        return 1.0 - (counts.select(0, 1).max().item<long>() / (double)total);
    }
}
