using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class BasicTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("basic.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Linear_matches_pytorch()
    {
        fx.Check("linear", a => linear(a["input"], a["weight"], a["bias"]));
        fx.Check("linear_nobias", a => linear(a["input"], a["weight"]));
    }

    [Test]
    public void One_hot_matches_pytorch_exactly()
    {
        using var inferred = one_hot(fx["one_hot.in"]);
        FunctionalFixture.AssertClose(inferred, fx["one_hot.out"], what: "num_classes=-1");
        using var seven = one_hot(fx["one_hot.in"], 7);
        FunctionalFixture.AssertClose(seven, fx["one_hot.out7"], what: "num_classes=7");
        using var t = torch.tensor(new[] { 3L });
        var e = Assert.Throws<TorchException>(() => one_hot(t, 2))!;
        Assert.That(e.Message, Does.Contain("Class values must be smaller than num_classes."));
    }

    [Test]
    public void Dropout_draws_the_same_mask_as_pytorch_for_the_same_seed()
    {
        torch.manual_seed(123);
        using var ones = torch.ones(4, 50);
        using var d = dropout(ones, 0.3);
        Assert.That(d.data<float>(), Is.EqualTo(fx["dropout.out"].data<float>()));
        torch.manual_seed(123);
        using var ones4 = torch.ones(2, 16, 2, 2);
        using var d2 = dropout2d(ones4, 0.25);
        Assert.That(d2.data<float>(), Is.EqualTo(fx["dropout2d.out"].data<float>()));
    }

    [Test]
    public void Dropout2d_zeroes_whole_channels_and_scales_the_rest()
    {
        using var x = torch.ones(4, 32, 3, 3);
        using var y = dropout2d(x, 0.5);
        var v = y.data<float>();
        for (var c = 0; c < 4 * 32; c++)
        {
            var channel = v.Skip(c * 9).Take(9).Distinct().ToArray();
            Assert.That(channel, Has.Length.EqualTo(1));
            Assert.That(channel[0], Is.EqualTo(0f).Or.EqualTo(2f));
        }
    }

    [Test]
    public void Dropout_in_eval_mode_is_identity_and_inplace_modifies_the_input()
    {
        using var x = torch.randn(3, 4);
        var before = x.data<float>();
        using var y = dropout(x, 0.9, training: false);
        Assert.That(y.data<float>(), Is.EqualTo(before));
        using var z = dropout(x, 1.0, inplace: true);
        Assert.That(x.data<float>(), Is.All.EqualTo(0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => dropout(x, 1.5));
    }
}
