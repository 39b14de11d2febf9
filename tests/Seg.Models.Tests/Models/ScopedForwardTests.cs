using Seg.Core.Contracts;
using Seg.Models.Backbones;
using Seg.Torch.Modules;

namespace Seg.Models.Tests.Models;

// Model forward bodies are plain tensor code: Module.call frees every intermediate, on return and on an exception.
[NonParallelizable]
public class ScopedForwardTests
{
    // A real backbone's forward, then a failure halfway through the head (as a bad shape would cause).
    private sealed class FailsAfterBackbone(Backbone backbone) : Module<Tensor, Tensor[]>(nameof(FailsAfterBackbone))
    {
        public override Tensor[] forward(Tensor input)
        {
            var feats = backbone.call(input);
            var fused = feats[^1] * 2 + feats[^2].mean();
            throw new InvalidOperationException($"midway, after {feats.Length} feature maps and a [{string.Join(", ", fused.shape)}] fusion");
        }
    }

    [Test]
    public void A_model_forward_that_throws_midway_leaves_no_tensor_behind()
    {
        using var backbone = new STDC1(new STDCNetOptions());
        using var model = new FailsAfterBackbone(backbone);
        using var x = torch.randn(1, 3, 64, 64);
        var managed = TensorStatistics.LiveCount;
        var native = TensorStatistics.NativeLiveCount;
        for (var i = 0; i < 5; i++)
            Assert.That(() => model.call(x), Throws.InvalidOperationException.With.Message.StartsWith("midway, after 5 feature maps"));
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(managed), "managed tensors");
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native), "native handles");
    }

    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml")]
    [TestCase("configs/stdcseg/stdc1_seg_pssl.yml")]
    public void A_model_call_returns_its_outputs_and_nothing_else(string config)
    {
        using var model = ModelCatalog.Build(Path.Combine(TestPaths.RepoRoot, config));
        using var x = torch.randn(2, 3, 64, 64);
        foreach (var training in new[] { true, false })
        {
            model.train(training);
            var managed = TensorStatistics.LiveCount;
            var native = TensorStatistics.NativeLiveCount;
            var outputs = model.call(x);
            Assert.That(TensorStatistics.LiveCount - managed, Is.EqualTo(outputs.Length), $"training={training}: only the logits survive the call");
            foreach (var t in outputs) t.Dispose();
            Assert.That(TensorStatistics.LiveCount, Is.EqualTo(managed));
            Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native), $"training={training}: native handles");
        }
    }

    // A real model failing deep inside: with batch 1 in training mode, BatchNorm after global pooling
    // sees one value per channel and libtorch throws after the backbone has run.
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml")]
    [TestCase("configs/stdcseg/stdc1_seg_pssl.yml")]
    public void A_real_model_that_fails_deep_inside_leaves_no_tensor_behind(string config)
    {
        using var model = ModelCatalog.Build(Path.Combine(TestPaths.RepoRoot, config));
        using var x = torch.randn(1, 3, 64, 64);
        model.train();
        var managed = TensorStatistics.LiveCount;
        var native = TensorStatistics.NativeLiveCount;
        Assert.That(() => model.call(x), Throws.ArgumentException.With.Message.Contains("more than 1 value per channel"));
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(managed), "managed tensors");
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(native), "native handles");
    }
}
