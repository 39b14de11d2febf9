using Seg.Core.Data;
using Seg.Core.Data.Transforms;

namespace Seg.Core.Tests.Data;

// Every transform against tests/fixtures/make_data.py (cv2 / PIL on a CamVid crop) with the same fixed draws.
[Category(TestCategories.NeedsShared)]
public class TransformFixtureTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case("resize", new Resize(new ResizeOptions { TargetSize = [40, 24] }));
        yield return Case("resize_cubic", new Resize(new ResizeOptions { TargetSize = [40, 24], Interp = ResizeInterp.Cubic }));
        yield return Case("resize_keep_ratio", new Resize(new ResizeOptions { TargetSize = [64, 64], KeepRatio = true, SizeDivisor = 32 }));
        yield return Case("resize_by_long", new ResizeByLong(new ResizeByLongOptions { LongSize = 40 }));
        yield return Case("resize_by_short", new ResizeByShort(new ResizeByShortOptions { ShortSize = 20 }));
        yield return Case("limit_long", new LimitLong(new LimitLongOptions { MaxLong = 30 }));
        yield return Case("resize_step_scaling", new ResizeStepScaling(new ResizeStepScalingOptions { MinScaleFactor = 0.5, MaxScaleFactor = 2.0, ScaleStepSize = 0.25 }));
        yield return Case("random_padding_crop", new RandomPaddingCrop(new RandomPaddingCropOptions { CropSize = [40, 36] }));
        yield return Case("random_padding_crop_ratio", new RandomPaddingCrop(new RandomPaddingCropOptions { CropSize = [12, 12], CategoryMaxRatio = 0.6, IgnoreIndex = 11 }));
        yield return Case("hflip", new RandomHorizontalFlip(new RandomHorizontalFlipOptions()));
        yield return Case("vflip", new RandomVerticalFlip(new RandomVerticalFlipOptions()));
        var distort = new RandomDistort(new RandomDistortOptions { SharpnessProb = 1.0 });
        yield return Case("distort_all", distort);
        yield return Case("distort_mixed", distort);
        yield return Case("distort_frac", distort, "input.frac");
        yield return Case("blur_gaussian", new RandomBlur(new RandomBlurOptions { Prob = 1.0 }), "input.frac");
        yield return Case("blur_median", new RandomBlur(new RandomBlurOptions { Prob = 1.0, BlurType = BlurType.Median }), "input.frac");
        yield return Case("blur_blur", new RandomBlur(new RandomBlurOptions { Prob = 1.0, BlurType = BlurType.Blur }), "input.frac");
        yield return Case("blur_random", new RandomBlur(new RandomBlurOptions { Prob = 1.0, BlurType = BlurType.Random }), "input.frac");
        yield return Case("blur_skipped", new RandomBlur(new RandomBlurOptions { Prob = 0.5 }), "input.frac");
        yield return Case("rotation", new RandomRotation(new RandomRotationOptions()));
        yield return Case("rotation_neg", new RandomRotation(new RandomRotationOptions()));
        yield return Case("scale_aspect", new RandomScaleAspect(new RandomScaleAspectOptions()));
        yield return Case("padding", new Padding(new PaddingOptions { TargetSize = [56, 40] }));
    }

    private static TestCaseData Case(string name, ITransform transform, string input = "input.img") =>
        new TestCaseData(name, transform, input).SetName($"Transform_{name}");

    [TestCaseSource(nameof(Cases))]
    public void MatchesPython(string name, ITransform transform, string input)
    {
        using var sample = DataFixtures.Input(input);
        var random = new ReplayRandom(DataFixtures.Draws(name));
        transform.Apply(sample, random);
        Assert.That(random.Remaining, Is.Zero, "Seg consumed fewer draws than the Python reference");
        DataFixtures.AssertSame(sample.Image, DataFixtures.Transforms[name + ".img"], $"{name} image");
        if (DataFixtures.Transforms.Contains(name + ".label"))
            DataFixtures.AssertSame(sample.Label!, DataFixtures.Transforms[name + ".label"], $"{name} label");
    }

    [Test]
    public void NoiseAddsTheRecordedNormalDrawsAndClips()
    {
        using var sample = DataFixtures.Input();
        var normal = DataFixtures.Transforms["noise.normal"].data<float>();
        var random = new ReplayRandom([.. DataFixtures.Draws("noise"), .. normal.Select(v => (double)v)]);
        new RandomNoise(new RandomNoiseOptions()).Apply(sample, random);
        Assert.That(random.Remaining, Is.Zero);
        DataFixtures.AssertSame(sample.Image, DataFixtures.Transforms["noise.img"], "noise image");
    }

    [Test]
    public void NormalizeMatchesNumpyInChwLayout()
    {
        using var sample = DataFixtures.Input();
        var compose = new Compose([new Normalize(new NormalizeOptions { Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225] })]);
        compose.Apply(sample, new ReplayRandom([]));
        DataFixtures.AssertSame(sample.Image, DataFixtures.Transforms["normalize.img"], "normalize");
    }

    [Test]
    public void ResizeAndPaddingRecordTransInfo()
    {
        using var sample = DataFixtures.Input();
        new Resize(new ResizeOptions { TargetSize = [40, 24] }).Apply(sample, new ReplayRandom([]));
        new Padding(new PaddingOptions { TargetSize = [50, 30] }).Apply(sample, new ReplayRandom([]));
        Assert.That(sample.TransInfo, Is.EqualTo(new[] { new TransInfo(TransInfoKind.Resize, 32, 48), new TransInfo(TransInfoKind.Padding, 24, 40) }));
        Assert.That(sample.Image.shape, Is.EqualTo(new long[] { 30, 50, 3 }));
    }
}
