using Seg.Core.Data;
using Seg.Torch;

namespace Seg.Core.Tests.Data;

// tests/fixtures/data/*.safetensors, written by tests/fixtures/make_data.py.
internal static class DataFixtures
{
    private static readonly Lazy<SafeTensorsFile> TransformsFile = new(() => SafeTensors.Load(Path.Combine(Dir, "transforms.safetensors")));

    internal static string Dir => Path.Combine(TestPaths.Fixtures, "data");

    internal static string CamVid => Path.GetFullPath(TestPaths.Camvid);

    internal static SafeTensorsFile Transforms => TransformsFile.Value;

    internal static double[] Draws(string name) => Transforms[name + ".draws"].data<double>();

    /// <summary>A sample holding copies of the 32x48 CamVid crop (float32 RGB image, uint8 label).</summary>
    internal static SegSample Input(string image = "input.img") =>
        new(Transforms[image].clone(), Transforms["input.label"].clone(), "crop.png", "crop_label.png", labelIsGtField: true);

    internal static void AssertSame(Tensor actual, Tensor expected, string what)
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), $"{what}: dtype");
        if (actual.equal(expected)) return;
        using var a = actual.to(ScalarType.Float64);
        using var e = expected.to(ScalarType.Float64);
        using var diff = (a - e).abs();
        using var max = diff.max();
        using var nonzero = diff.gt(0).sum();
        Assert.Fail($"{what}: differs from the Python reference (max |diff| {max.item<double>()}, {nonzero.item<long>()} elements differ)");
    }
}
