using Seg.Pssl.Explanation;
using Seg.Pssl.Generation;
using Seg.Torch.Images;

namespace Seg.Pssl.Tests.Generation;

public class PreprocessingTests
{
    [TestCase(500, 375, 299, 224)]
    [TestCase(375, 500, 224, 299)]
    [TestCase(224, 224, 224, 224)]
    public void Short_side_resize_rounds_as_InterpretDL(int w, int h, int ew, int eh) =>
        Assert.That(ExplanationPreprocessing.ResizedSize(w, h, 224), Is.EqualTo((ew, eh)));

    [Test]
    public void White_and_black_normalise_to_ImageNet_constants_and_give_sigma_0_47579()
    {
        var bgr = new byte[2 * 2 * 3];
        for (var i = 0; i < 6; i++) bgr[i] = 255; // first row white
        using var image = Tensor.FromBytes(bgr, [2, 2, 3], ScalarType.Byte);
        var (input, width, height) = ExplanationPreprocessing.FromBgr(image, 2);
        using (input)
        {
            var values = input.ToArray<float>();
            Assert.Multiple(() =>
            {
                Assert.That((width, height), Is.EqualTo((2, 2)));
                Assert.That(new[] { values[0], values[4], values[8] }, Is.EqualTo(new[] { 2.2489f, 2.4286f, 2.6400f }).Within(1e-4f));
                Assert.That(new[] { values[3], values[7], values[11] }, Is.EqualTo(new[] { -2.1179f, -2.0357f, -1.8044f }).Within(1e-4f));
                Assert.That(SmoothGrad.NoiseSigma(input, 0.1), Is.EqualTo(0.47579).Within(1e-4));
            });
        }
    }

    [Test]
    public void Grayscale_images_come_out_with_three_channels()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-gray-{Guid.NewGuid():N}.png");
        try
        {
            using (var gray = Tensor.FromBytes(new byte[6 * 8], [6, 8], ScalarType.Byte)) ImageIO.write_png(gray, path);
            var (input, width, height) = ExplanationPreprocessing.Load(path, 3);
            using (input) Assert.That((input.shape, width, height), Is.EqualTo((new long[] { 3, 3, 4 }, 8, 6)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Nearest_resize_keeps_binary_values_and_the_object_fraction()
    {
        var random = new Random(4);
        var map = Enumerable.Range(0, 56 * 75).Select(_ => random.NextSingle()).ToArray();
        var mask = DecileQuantizer.TopDecileMask(map);
        var big = NearestResize.Resize(mask, 75, 56, 500, 375);
        Assert.Multiple(() =>
        {
            Assert.That(big.Distinct().Order(), Is.EqualTo(new byte[] { 0, 1 }));
            Assert.That(big.Count(b => b == 1) / (double)big.Length, Is.EqualTo(0.1).Within(0.01));
        });
    }
}
