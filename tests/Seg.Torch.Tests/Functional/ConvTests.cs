using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class ConvTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("conv.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Conv2d_with_groups_dilation_stride_and_bias_matches_pytorch() =>
        fx.Check("conv_groups_dilation", a => conv2d(a["x"], a["w"], a["b"], stride: 2, padding: 1, dilation: 2, groups: 2));

    [Test]
    public void Conv2d_with_per_side_arrays_matches_pytorch() =>
        fx.Check("conv_asymmetric", a => conv2d(a["x"], a["w"], null, stride: [1, 2], padding: [2, 1], dilation: [1, 2]));

    [Test]
    public void Conv2d_defaults_match_pytorch() =>
        fx.Check("conv_plain", a => conv2d(a["x"], a["w"], padding: 1));

    [Test]
    public void Conv_transpose2d_matches_pytorch() =>
        fx.Check("conv_transpose", a => conv_transpose2d(a["x"], a["w"], a["b"], stride: 2, padding: 1, output_padding: 1));

    [Test]
    public void Conv2d_with_mismatched_channels_raises_libtorchs_message_and_process_continues()
    {
        using var x = torch.randn(1, 3, 8, 8);
        using var w = torch.randn(4, 2, 3, 3);
        var e = Assert.Throws<TorchException>(() => conv2d(x, w))!;
        Assert.That(e.Message, Does.Contain("Given groups=1, weight of size [4, 2, 3, 3], expected input[1, 3, 8, 8] to have 2 channels, but got 3 channels instead"));
        using var w3 = torch.randn(4, 3, 3, 3);
        using var y = conv2d(x, w3, padding: 1);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 4, 8, 8 }));
    }
}
