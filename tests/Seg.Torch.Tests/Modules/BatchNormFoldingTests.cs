using Seg.Torch.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Modules;

[NonParallelizable]
public class BatchNormFoldingTests
{
    // conv(bias) → BN → ReLU → conv(no bias) → BN, with BN statistics and affine parameters far from the identity.
    private static Sequential Net()
    {
        manual_seed(3);
        var net = new Sequential(
            new Conv2d(3, 8, (3, 3), (1, 1), (1, 1), (1, 1)), new BatchNorm2d(8), new ReLU(),
            new Conv2d(8, 4, (1, 1), (2, 2), (0, 0), (1, 1), bias: false), new BatchNorm2d(4, eps: 1e-3));
        Randomize(net);
        net.eval();
        return net;
    }

    internal static void Randomize(Module model)
    {
        using var noGrad = no_grad();
        foreach (var bn in model.modules().OfType<BatchNorm2d>())
        {
            nn.init.uniform_(bn.running_mean!, -0.5, 0.5);
            nn.init.uniform_(bn.running_var!, 0.3, 2.0);
            nn.init.uniform_(bn.weight!, 0.5, 1.5);
            nn.init.uniform_(bn.bias!, -0.3, 0.3);
        }
    }

    private static double RelativeDifference(Tensor actual, Tensor expected)
    {
        using var scope = NewDisposeScope();
        return (actual.to(ScalarType.Float64) - expected.to(ScalarType.Float64)).abs().max().item<double>()
            / expected.abs().max().to(ScalarType.Float64).item<double>();
    }

    // Conv then eval BN written out with plain float64 tensor ops: (conv(x) − μ)/√(σ²+ε)·γ + β.
    private static Tensor Reference(Sequential net, Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = x.to(ScalarType.Float64);
        foreach (var i in new[] { 0, 3 })
        {
            var conv = (Conv2d)net[i];
            var bn = (BatchNorm2d)net[i + 1];
            y = nn.functional.conv2d(y, conv.weight.to(ScalarType.Float64), conv.bias?.to(ScalarType.Float64),
                [conv.stride.Item1, conv.stride.Item2], [conv.padding.Item1, conv.padding.Item2]);
            Tensor Channel(Tensor t) => t.to(ScalarType.Float64).reshape(1, -1, 1, 1);
            y = (y - Channel(bn.running_mean!)) / (Channel(bn.running_var!) + bn.eps).sqrt() * Channel(bn.weight!) + Channel(bn.bias!);
            if (i == 0) y = nn.functional.relu(y);
        }
        return y.MoveToOuterDisposeScope();
    }

    [Test]
    public void Folded_conv_bn_pairs_give_the_plain_eval_output_and_the_formula()
    {
        using var net = Net();
        using var x = randn(2, 3, 12, 10);
        using var plain = net.call(x);
        using var expected = Reference(net, x);
        using (var folded = BatchNormFolding.Fold(net))
        {
            Assert.That(folded.Count, Is.EqualTo(2));
            using var y = net.call(x);
            Assert.That(RelativeDifference(y, plain), Is.LessThanOrEqualTo(1e-5), "folded vs plain");
            Assert.That(RelativeDifference(y, expected), Is.LessThanOrEqualTo(1e-5), "folded vs the float64 formula");
        }
        Assert.That(RelativeDifference(plain, expected), Is.LessThanOrEqualTo(1e-5), "plain vs the float64 formula");
    }

    [Test]
    public void The_fold_is_what_runs_until_it_is_disposed()
    {
        using var net = Net();
        using var x = randn(1, 3, 8, 8);
        var bn = (BatchNorm2d)net[1];
        using var before = net.call(x);
        var folded = BatchNormFolding.Fold(net);
        using (no_grad()) bn.running_mean!.add_(1.0); // the folded conv read the statistics already
        using (var y = net.call(x)) Assert.That(RelativeDifference(y, before), Is.LessThanOrEqualTo(1e-5));
        folded.Dispose();
        Assert.That(((Conv2d)net[0]).Fold, Is.Null);
        Assert.That(bn.FoldedInto, Is.Null);
        using (var y = net.call(x)) Assert.That(RelativeDifference(y, before), Is.GreaterThan(1e-2), "unfolded: the changed mean counts again");
    }

    [Test]
    public void Training_mode_runs_unfolded_and_updates_the_running_statistics_as_without_a_fold()
    {
        using var plainNet = Net();
        using var foldedNet = Net();
        using var x = randn(2, 3, 8, 8);
        using var fold = BatchNormFolding.Fold(foldedNet);
        plainNet.train();
        foldedNet.train();
        using var a = plainNet.call(x);
        using var b = foldedNet.call(x);
        Assert.That(b.data<float>(), Is.EqualTo(a.data<float>()));
        var plainState = plainNet.state_dict();
        foreach (var (k, t) in foldedNet.state_dict()) Assert.That(t.data<float>(), Is.EqualTo(plainState[k].data<float>()), k);
    }

    [Test]
    public void Folding_leaves_parameters_buffers_and_the_state_dict_alone_and_frees_what_it_made()
    {
        using var net = Net();
        var keys = net.state_dict().Keys.ToList();
        var values = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.data<float>().ToArray());
        var parameters = net.parameters().ToList();
        var live = TensorStatistics.LiveCount;
        using (BatchNormFolding.Fold(net))
        {
            Assert.That(net.state_dict().Keys, Is.EqualTo(keys));
            Assert.That(net.parameters(), Is.EqualTo(parameters));
            foreach (var (k, t) in net.state_dict()) Assert.That(t.data<float>(), Is.EqualTo(values[k]), k);
        }
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(live));
        foreach (var (k, t) in net.state_dict()) Assert.That(t.data<float>(), Is.EqualTo(values[k]), k);
    }

    [Test]
    public void A_pair_is_folded_once_and_batch_norms_without_running_statistics_are_left_alone()
    {
        using var net = Net();
        using var first = BatchNormFolding.Fold(net);
        using (var second = BatchNormFolding.Fold(net)) Assert.That(second.Count, Is.Zero);
        manual_seed(0);
        using var noStats = new Sequential(new Conv2d(3, 4, (1, 1), (1, 1), (0, 0), (1, 1)), new BatchNorm2d(4, track_running_stats: false));
        using (var none = BatchNormFolding.Fold(noStats)) Assert.That(none.Count, Is.Zero);
    }
}
