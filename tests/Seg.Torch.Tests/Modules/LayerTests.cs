using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Modules;

public class LayerTests
{
    [Test]
    public void Default_initialisation_equals_pytorch_for_the_same_seed()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        manual_seed(7);
        using var net = new TestNet();
        foreach (var (k, t) in net.state_dict()) ModuleFixtures.AssertClose(t, fixture["init." + k], 0, k);
    }

    [Test]
    public void Forward_in_train_and_eval_mode_equals_pytorch_and_updates_running_stats()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        manual_seed(7);
        using var net = new TestNet();
        manual_seed(11);
        using (var y = net.call(fixture["x"])) ModuleFixtures.AssertClose(y, fixture["y_train"], 1e-5, "train output");
        foreach (var (k, t) in net.state_dict()) ModuleFixtures.AssertClose(t, fixture["trained." + k], 1e-6, k);
        net.eval();
        using (var y = net.call(fixture["x"])) ModuleFixtures.AssertClose(y, fixture["y_eval"], 1e-5, "eval output");
    }

    [Test]
    public void Forward_does_not_leak_tensors()
    {
        using var fixture = ModuleFixtures.Load("net.safetensors");
        using var net = new TestNet();
        var before = TensorStatistics.LiveCount;
        for (var i = 0; i < 3; i++) net.call(fixture["x"]).Dispose();
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(before));
    }

    [Test]
    public void BatchNorm_rejects_bad_input_and_uses_paddle_keys()
    {
        using var bn = nn.BatchNorm2d(3, momentum: 0.1);
        using var x3 = zeros(2, 3, 4);
        using var one = zeros(1, 3, 1, 1);
        Assert.Multiple(() =>
        {
            Assert.That(() => bn.call(x3), Throws.ArgumentException.With.Message.EqualTo("expected 4D input (got 3D input)"));
            Assert.That(() => bn.call(one), Throws.ArgumentException.With.Message.StartsWith("Expected more than 1 value per channel when training"));
            Assert.That(bn.state_dict().Keys, Is.EqualTo(new[] { "weight", "bias", "_mean", "_variance" }));
        });
        bn.eval();
        using var y = bn.call(one);
        Assert.That(y.shape, Is.EqualTo(new long[] { 1, 3, 1, 1 }));
    }

    [Test]
    public void Dropout_is_identity_in_eval_mode()
    {
        using var d = nn.Dropout(0.9);
        using var x = ones(100);
        d.eval();
        using (var y = d.call(x)) Assert.That(y.data<float>(), Is.All.EqualTo(1f));
        d.train();
        using (var y = d.call(x)) Assert.That(y.data<float>().Count(v => v == 0f), Is.GreaterThan(50));
        Assert.That(() => nn.Dropout(1.5), Throws.ArgumentException);
    }
}
