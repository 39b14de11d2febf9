using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class InterpolateTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("interpolate.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Bilinear_by_size_matches_pytorch_with_and_without_align_corners()
    {
        fx.Check("bilinear_size", a => interpolate(a["x"], size: [8, 11], mode: InterpolationMode.Bilinear, align_corners: false));
        fx.Check("bilinear_size_ac", a => interpolate(a["x"], [8, 11], null, "bilinear", align_corners: true));
        fx.Check("bilinear_down", a => interpolate(a["x"], size: [3, 4], mode: InterpolationMode.Bilinear));
    }

    [Test]
    public void Bilinear_by_scale_factor_uses_the_scale_not_the_rounded_size()
    {
        fx.Check("bilinear_scale", a => interpolate(a["x"], scale_factor: [1.5, 2.5], mode: InterpolationMode.Bilinear));
        fx.Check("bilinear_scale_ac", a => interpolate(a["x"], scale_factor: [1.5, 2.5], mode: InterpolationMode.Bilinear, align_corners: true));
        // The same output size given as a size samples differently (PyTorch: scales are kept unless recomputed).
        using var x = fx["bilinear_scale.x"].detach();
        using var bySize = interpolate(x, size: [7, 17], mode: InterpolationMode.Bilinear);
        Assert.That(bySize.shape, Is.EqualTo(fx["bilinear_scale.out"].shape));
        Assert.That(bySize.data<float>(), Is.Not.EqualTo(fx["bilinear_scale.out"].data<float>()));
    }

    [Test]
    public void Nearest_by_size_scale_and_recomputed_scale_matches_pytorch()
    {
        fx.Check("nearest_size", a => interpolate(a["x"], size: [9, 4]), atol: 0, rtol: 0);
        fx.Check("nearest_scale", a => interpolate(a["x"], scale_factor: [2.0, 0.5]), atol: 0, rtol: 0);
        fx.Check("nearest_recompute", a => interpolate(a["x"], scale_factor: [1.7, 1.3], recompute_scale_factor: true), atol: 0, rtol: 0);
        fx.Check("nearest_1d", a => interpolate(a["x"], scale_factor: [1.4]), atol: 0, rtol: 0);
    }

    [Test]
    public void Argument_rules_follow_pytorch()
    {
        using var x = torch.randn(1, 2, 4, 4);
        var both = Assert.Throws<ArgumentException>(() => interpolate(x, size: [8, 8], scale_factor: [2.0, 2.0]))!;
        Assert.That(both.Message, Does.Contain("only one of size or scale_factor should be defined"));
        var neither = Assert.Throws<ArgumentException>(() => interpolate(x))!;
        Assert.That(neither.Message, Does.Contain("either size or scale_factor should be defined"));
        var ac = Assert.Throws<ArgumentException>(() => interpolate(x, size: [8, 8], align_corners: true))!;
        Assert.That(ac.Message, Does.Contain("align_corners option can only be set with the interpolating modes"));
        var rank = Assert.Throws<ArgumentException>(() => interpolate(x, size: [8]))!;
        Assert.That(rank.Message, Does.Contain("Input and output must have the same number of spatial dimensions"));
        using var x3 = torch.randn(1, 2, 4);
        var mode = Assert.Throws<NotSupportedException>(() => interpolate(x3, size: [8], mode: InterpolationMode.Bilinear))!;
        Assert.That(mode.Message, Does.Contain("Got 3D input, but bilinear mode needs 4D input"));
        Assert.Throws<ArgumentException>(() => interpolate(x, [8, 8], null, "bilinearr"));
    }
}
