using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class NormalizationTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("norm.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Batch_norm_in_train_mode_matches_pytorch_and_updates_running_stats_with_momentum()
    {
        using var rm = fx["bn_train.running_mean0"].clone();
        using var rv = fx["bn_train.running_var0"].clone();
        fx.Check("bn_train", a => batch_norm(a["x"], rm, rv, a["w"], a["b"], training: true, momentum: 0.3, eps: 1e-5), atol: 1e-4);
        // Check ran forward once: r = 0.7 r0 + 0.3 batch statistic (unbiased variance), as PyTorch.
        FunctionalFixture.AssertClose(rm, fx["bn_train.running_mean1"], 1e-5, 1e-5, "running_mean");
        FunctionalFixture.AssertClose(rv, fx["bn_train.running_var1"], 1e-5, 1e-5, "running_var");
    }

    [Test]
    public void Batch_norm_momentum_semantics_against_statistics_computed_here()
    {
        // x holds two channels; batch mean and unbiased variance are computed in C#.
        float[] values = [1, 2, 3, 4, 10, 20, 30, 50];
        using var x = torch.tensor(values, [2, 2, 2]); // [N=2, C=2, L=2]
        using var rm = torch.zeros(2);
        using var rv = torch.ones(2);
        using var y = batch_norm(x, rm, rv, training: true, momentum: 0.25);
        double[][] channel = [[1, 2, 10, 20], [3, 4, 30, 50]];
        for (var c = 0; c < 2; c++)
        {
            var mean = channel[c].Average();
            var unbiased = channel[c].Sum(v => (v - mean) * (v - mean)) / (channel[c].Length - 1);
            Assert.That(rm.data<float>()[c], Is.EqualTo(0.25 * mean).Within(1e-4));
            Assert.That(rv.data<float>()[c], Is.EqualTo(0.75 + 0.25 * unbiased).Within(1e-3));
        }
    }

    [Test]
    public void Batch_norm_in_eval_mode_uses_running_stats() =>
        fx.Check("bn_eval", a => batch_norm(a["x"], fx["bn_eval.running_mean"], fx["bn_eval.running_var"], a["w"], a["b"], training: false, eps: 1e-3));

    [Test]
    public void Batch_norm_reports_libtorchs_errors()
    {
        using var x = torch.randn(2, 3, 4, 4);
        using var rm = torch.zeros(4);
        using var rv = torch.ones(4);
        var e = Assert.Throws<TorchException>(() => batch_norm(x, rm, rv, training: true))!;
        Assert.That(e.Message, Does.Contain("running_mean should contain 3 elements not 4"));
        using var single = torch.randn(1, 3, 1, 1);
        var v = Assert.Throws<TorchValueException>(() => batch_norm(single, null, null, training: true))!;
        Assert.That(v.Message, Does.Contain("Expected more than 1 value per channel when training"));
    }
}
