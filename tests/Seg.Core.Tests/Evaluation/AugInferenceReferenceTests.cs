using System.Globalization;
using Seg.Core.Data;
using Seg.Core.Evaluation;
using Seg.Torch;

namespace Seg.Core.Tests.Evaluation;

// SegInference.Logits with aug_eval against make_aug_inference.py: PaddleSeg's aug_inference re-implemented as v2.7.0
// (chained resizes, summed softmax) and as v2.8.0+ (resizes from the original, averaged logits), with its slide_inference
// and reverse_transform, on a fixed small model and a real CamVid image, scales [0.75, 1.0, 1.25].
public class AugInferenceReferenceTests
{
    private const double RelativeTolerance = 1e-5;

    private static string FixturePath => Path.Combine(TestPaths.Fixtures, "inference", "aug_inference.safetensors");

    [TestCase("v28", false, false, false)]
    [TestCase("v28", true, false, false)]
    [TestCase("v28", true, true, false)]
    [TestCase("v28", false, false, true)]
    [TestCase("v28", true, false, true)]
    [TestCase("v27", false, false, false)]
    [TestCase("v27", true, false, false)]
    [TestCase("v27", true, true, false)]
    [TestCase("v27", false, false, true)]
    [TestCase("v27", true, false, true)]
    public void Logits_and_predictions_equal_paddlesegs_aug_inference(string version, bool horizontal, bool vertical, bool slide)
    {
        using var f = SafeTensors.Load(FixturePath);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var model = new TinySegNet(f.ToDictionary());
        var name = CaseName(version, horizontal, vertical, slide);
        var options = Options(f.Metadata, version == "v27", horizontal, vertical, slide);

        var logits = SegInference.Logits(model, f["input"], TransInfoOf(f.Metadata["trans_info"]), options);
        var prediction = logits.argmax(1);

        var expected = f[$"{name}.logits"];
        Assert.That(logits.shape, Is.EqualTo(expected.shape));
        var scale = expected.abs().max().item<float>();
        var error = (logits - expected).abs().max().item<float>();
        Assert.That(error, Is.LessThanOrEqualTo(RelativeTolerance * scale), $"{name}: max |Δ| {error} against max |logit| {scale}");
        var mismatched = prediction.ne(f[$"{name}.pred"].to(ScalarType.Int64)).sum().item<long>();
        Assert.That(mismatched, Is.Zero, $"{name}: pixels whose class differs from PaddleSeg's");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_two_versions_are_told_apart(bool slide)
    {
        using var f = SafeTensors.Load(FixturePath);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        using var model = new TinySegNet(f.ToDictionary());

        var v28 = SegInference.Logits(model, f["input"], TransInfoOf(f.Metadata["trans_info"]), Options(f.Metadata, false, true, false, slide));

        var v27 = f[CaseName("v27", true, false, slide) + ".logits"];
        Assert.That(v28.allclose(v27, 1e-3, 1e-3), Is.False);
        Assert.That(f[CaseName("v27", true, false, slide) + ".pred"].ne(f[CaseName("v28", true, false, slide) + ".pred"]).any().item<bool>(), Is.True,
            "the fixture's versions must predict differently somewhere");
    }

    private static string CaseName(string version, bool horizontal, bool vertical, bool slide) =>
        $"{version}_{(horizontal ? "h" : "")}{(vertical ? "v" : "")}{(horizontal || vertical ? "flip" : "noflip")}_{(slide ? "slide" : "whole")}";

    private static InferenceOptions Options(IReadOnlyDictionary<string, string> meta, bool legacy, bool horizontal, bool vertical, bool slide) => new()
    {
        AugEval = true,
        AugLegacy = legacy,
        Scales = meta["scales"].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
        FlipHorizontal = horizontal,
        FlipVertical = vertical,
        IsSlide = slide,
        CropSize = slide ? Pair(meta["crop_size"]) : null,
        Stride = slide ? Pair(meta["stride"]) : null,
    };

    private static (int, int) Pair(string text)
    {
        var parts = text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1]);
    }

    // "resize:36,48;padding:32,44" → [Resize (36, 48), Padding (32, 44)], sizes as (height, width).
    private static TransInfo[] TransInfoOf(string text) => text.Split(';').Select(item =>
    {
        var (kind, size) = (item.Split(':')[0], Pair(item.Split(':')[1]));
        return new TransInfo(kind == "resize" ? TransInfoKind.Resize : TransInfoKind.Padding, size.Item1, size.Item2);
    }).ToArray();
}
