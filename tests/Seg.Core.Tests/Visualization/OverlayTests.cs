using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Tests.Visualization;

// The added_prediction overlay against cv2.LUT + cv2.addWeighted (make_visualize.py), and its JPEG encoding against cv2's.
public class OverlayTests
{
    [Test]
    public void Blend_of_image_and_pseudo_colour_equals_cv2_addWeighted()
    {
        using var scope = torch.NewDisposeScope();
        var image = VisualizeFixtures.File["blend_image"];
        var prediction = VisualizeFixtures.File["blend_prediction"];

        var rgb = Visualize.PseudoColor(prediction, ColorMap.GetColorMapList(256));
        var blended = Visualize.Blend(image, ImageIO.rgb_to_bgr(rgb));

        var expected = VisualizeFixtures.File["blend_expected"];
        Assert.That(blended.shape, Is.EqualTo(expected.shape));
        Assert.That(blended.equal(expected), Is.True, "blend differs from cv2.addWeighted");
    }

    [Test]
    public void Pseudo_colour_looks_up_the_palette()
    {
        using var scope = torch.NewDisposeScope();
        var prediction = torch.tensor(new long[] { 0, 1, 2, 1 }, [2, 2]);

        var rgb = Visualize.PseudoColor(prediction, ColorMap.GetColorMapList(3));

        Assert.That(rgb.data<byte>(), Is.EqualTo(new byte[] { 128, 0, 0, 0, 128, 0, 128, 128, 0, 0, 128, 0 }));
        Assert.That(() => Visualize.PseudoColor(torch.tensor(new long[] { 3 }, [1, 1]), ColorMap.GetColorMapList(3)), Throws.ArgumentException);
    }

    [Test]
    public void Jpeg_overlay_is_encoded_as_cv2_imwrite_does()
    {
        using var scope = torch.NewDisposeScope();
        var expected = VisualizeFixtures.File["blend_expected"];

        var jpg = ImageIO.encode(expected, ".jpg");
        var decoded = ImageIO.decode_image(jpg);

        Assert.That(jpg[..3], Is.EqualTo(new byte[] { 0xFF, 0xD8, 0xFF }));
        Assert.That(decoded.equal(VisualizeFixtures.File["blend_expected_jpg_decoded"]), Is.True, "JPEG differs from cv2.imencode('.jpg')");
    }

    [Test]
    public void Bmp_and_unknown_extensions()
    {
        using var scope = torch.NewDisposeScope();
        var expected = VisualizeFixtures.File["blend_expected"];

        var bmp = ImageIO.encode(expected, ".bmp");

        Assert.That(ImageIO.decode_image(bmp).equal(expected), Is.True);
        Assert.That(() => ImageIO.encode(expected, ".nope"), Throws.ArgumentException.With.Message.Contains("no image writer"));
    }
}
