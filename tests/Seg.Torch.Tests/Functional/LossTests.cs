using static Seg.Torch.torch.nn;
using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class LossTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("loss.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [TestCase("none", Reduction.None)]
    [TestCase("mean", Reduction.Mean)]
    [TestCase("sum", Reduction.Sum)]
    public void Cross_entropy_with_weight_and_ignored_target_matches_pytorch(string name, Reduction reduction)
    {
        fx.Check("ce_" + name, a => cross_entropy(a["x"], a["target"], a["weight"], reduction: reduction), constant: "weight");
        fx.Check("ce_smooth_" + name, a => cross_entropy(a["x"], a["target"], a["weight"], reduction: reduction, label_smoothing: 0.1), constant: "weight");
    }

    [Test]
    public void Cross_entropy_over_pixels_with_ignore_index_matches_pytorch()
    {
        fx.Check("ce_2d_ignore", a => cross_entropy(a["x"], a["target"], a["weight"], ignore_index: 255), constant: "weight");
        fx.Check("ce_2d_smooth", a => cross_entropy(a["x"], a["target"], ignore_index: 255, reduction: Reduction.Sum, label_smoothing: 0.2));
    }

    [Test]
    public void Cross_entropy_with_probability_targets_matches_pytorch() =>
        fx.Check("ce_probs", a => cross_entropy(a["x"], a["target"]), constant: "target");

    [Test]
    public void Cross_entropy_of_known_values()
    {
        // Two classes with logits (0, ln 3): p = (1/4, 3/4); target 1 -> -ln(3/4); weight only rescales in the mean.
        using var x = torch.tensor(new[] { 0f, (float)Math.Log(3) }, [1, 2]);
        using var t = torch.tensor(new[] { 1L });
        using var w = torch.tensor(new[] { 1f, 5f });
        using var loss = cross_entropy(x, t, w);
        Assert.That(loss.item<float>(), Is.EqualTo(-Math.Log(0.75)).Within(1e-6));
        using var sum = cross_entropy(x, t, w, reduction: Reduction.Sum);
        Assert.That(sum.item<float>(), Is.EqualTo(-5 * Math.Log(0.75)).Within(1e-5));
    }

    [Test]
    public void Nll_loss_matches_pytorch()
    {
        fx.Check("nll", a => nll_loss(a["x"], a["target"], a["weight"]), constant: "weight");
        fx.Check("nll_2d_none", a => nll_loss(a["x"], a["target"], ignore_index: 255, reduction: Reduction.None));
    }

    [TestCase("none", Reduction.None)]
    [TestCase("mean", Reduction.Mean)]
    [TestCase("sum", Reduction.Sum)]
    public void Binary_cross_entropy_with_logits_matches_pytorch(string name, Reduction reduction) =>
        fx.Check("bce_" + name, a => binary_cross_entropy_with_logits(a["x"], a["target"], a["weight"], reduction, a["pos_weight"]), constant: ["weight", "pos_weight"]);

    [Test]
    public void Loss_errors_carry_libtorchs_messages()
    {
        using var x = torch.randn(2, 5, 4, 4);
        using var bad = torch.zeros([2, 3, 3], ScalarType.Int64);
        var e = Assert.Throws<TorchException>(() => cross_entropy(x, bad))!;
        Assert.That(e.Message, Does.Contain("size mismatch (got input: [2, 5, 4, 4] , target: [2, 3, 3]"));
        using var xs = torch.randn(1, 3);
        using var t7 = torch.tensor(new[] { 7L });
        var ie = Assert.Throws<TorchIndexException>(() => cross_entropy(xs, t7))!;
        Assert.That(ie.Message, Does.Contain("Target 7 is out of bounds."));
        using var y = torch.rand(2, 3);
        var be = Assert.Throws<TorchValueException>(() => binary_cross_entropy_with_logits(xs, y))!;
        Assert.That(be.Message, Does.Contain("must be the same as input size"));
    }
}
