using Seg.Core.Config;
using Seg.Core.Building;
using Seg.Core.Contracts;
using Seg.Core.Losses;
using Seg.Models.Layers;
using Seg.Models.Losses;
using Seg.Models.Segmentation;
using Seg.Models.Tests.Models;

namespace Seg.Models.Tests.Losses;

// CrossEntropyLoss on a deferred upsample (the fused path) against the same loss on the materialised logits, and
// a whole training step (forward, the configured losses, backward) with and without the deferred upsample.
public class FusedUpsampleLossTests
{
    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(true, true)]
    public void CrossEntropyLoss_on_a_deferred_upsample_equals_the_plain_loss(bool weighted, bool alignCorners)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var low = torch.randn([2, 6, 5, 7]).requires_grad_();
        var labels = torch.randint(0, 6, [2, 19, 23]);
        labels = labels.where(torch.rand([2, 19, 23]).ge(0.15), 255L);
        var loss = new CrossEntropyLoss(new CrossEntropyLossOptions { Weight = weighted ? [0.5f, 2f, 1f, 3f, 0.25f, 1.5f] : null });
        AssertFusedEqualsPlain(loss.forward, low, labels, alignCorners);
    }

    // min_kept below the valid pixel count (about 740), so OHEM keeps only the hard pixels: below the min_kept-th
    // ground-truth probability (thresh 0.05) or below thresh (0.7); min_kept 0 keeps every valid pixel.
    [TestCase(false, 300, 0.05f)]
    [TestCase(true, 300, 0.05f)]
    [TestCase(true, 100, 0.7f)]
    [TestCase(false, 0, 0.7f)]
    public void OhemCrossEntropyLoss_on_a_deferred_upsample_equals_the_plain_loss(bool weighted, int minKept, float thresh)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var low = (torch.randn([2, 6, 5, 7]) * 2).requires_grad_();
        var labels = torch.randint(0, 6, [2, 19, 23]);
        labels = labels.where(torch.rand([2, 19, 23]).ge(0.15), 255L);
        var loss = new OhemCrossEntropyLoss(new OhemCrossEntropyLossOptions
        {
            MinKept = minKept,
            Thresh = thresh,
            Weight = weighted ? [0.5f, 2f, 1f, 3f, 0.25f, 1.5f] : null,
        });

        AssertFusedEqualsPlain(loss.forward, low, labels, alignCorners: false);
    }

    // The loss on a deferred upsample of `low` (fused: the full-resolution logits are never computed) against the same
    // loss on the interpolated logits: values within 1e-5 relative, gradients within 1e-5 relative L2, and not zero.
    private static void AssertFusedEqualsPlain(Func<Tensor, Tensor, Tensor> loss, Tensor low, Tensor labels, bool alignCorners)
    {
        long[] size = [labels.shape[1], labels.shape[2]];
        var deferred = torch.nn.functional.upsample_bilinear_deferred(low, size, alignCorners);
        var fused = loss(deferred, labels);
        Assert.That(deferred.IsMaterialised, Is.False, "the fused loss must not compute the full-resolution logits");
        fused.backward();
        var fusedGrad = low.grad!.clone();
        low.grad = null;

        var plain = loss(torch.nn.functional.interpolate(low, size, mode: InterpolationMode.Bilinear, align_corners: alignCorners), labels);
        plain.backward();
        Assert.That(fused.item<float>(), Is.EqualTo(plain.item<float>()).Within(1e-5 * Math.Abs(plain.item<float>())));
        Assert.That(RelativeL2(fusedGrad, low.grad!), Is.LessThan(1e-5));
        Assert.That(low.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
    }

    [Test]
    public void Upsample_nll_is_the_per_pixel_cross_entropy_of_the_upsampled_logits()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(5);
        var low = torch.randn([2, 5, 4, 6]);
        var labels = torch.randint(0, 5, [2, 13, 17]);
        labels = labels.where(torch.rand([2, 13, 17]).ge(0.2), 255L);
        var nll = torch.nn.functional.upsample_nll(low, labels, [13, 17], ignore_index: 255);
        var up = torch.nn.functional.interpolate(low, [13, 17], mode: InterpolationMode.Bilinear, align_corners: false);
        var expected = torch.nn.functional.cross_entropy(up, labels, null, 255, torch.nn.Reduction.None);
        Assert.That(nll.shape, Is.EqualTo(new long[] { 2, 13, 17 }));
        Assert.That((nll - expected).abs().max().item<float>(), Is.LessThan(1e-5f));
        Assert.That(nll.masked_select(labels.eq(255L)).abs().max().item<float>(), Is.EqualTo(0f), "0 at ignore_index");
    }

    [Test]
    public void Top_k_pixels_take_the_plain_path_on_the_computed_logits()
    {
        using var scope = torch.NewDisposeScope();
        var low = torch.randn([1, 4, 3, 3]);
        var labels = torch.randint(0, 4, [1, 9, 9]);
        var loss = new CrossEntropyLoss(new CrossEntropyLossOptions { TopKPercentPixels = 0.5 });
        var deferred = torch.nn.functional.upsample_bilinear_deferred(low, [9, 9]);
        var value = loss.forward(deferred, labels).item<float>();
        Assert.That(deferred.IsMaterialised, Is.True);
        var expected = loss.forward(torch.nn.functional.interpolate(low, [9, 9], mode: InterpolationMode.Bilinear, align_corners: false), labels).item<float>();
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_pssl.yml", 1001, true)]
    [TestCase("configs/stdcseg/stdc1_seg_pssl.yml", 1001, true)]
    [TestCase("configs/ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml", 11, true)]
    [TestCase("configs/pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", 11, true)]
    // OhemCrossEntropyLoss on every output (min_kept 64800 of 6144 pixels: every valid pixel kept; the unit test above thresholds).
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml", 11, true)]
    public void A_training_step_with_the_fused_loss_equals_the_unfused_step(string config, long classes, bool fused)
    {
        using var scope = torch.NewDisposeScope();
        var cfg = ConfigLoader.Load(Path.Combine(TestPaths.RepoRoot, config), null, ModelCatalog.Registry);
        torch.manual_seed(0);
        using var model = SegModelFactory.Build(cfg, ModelCatalog.Registry, loadPretrained: false);
        var losses = LossSet.FromConfig(cfg.Loss, ModelCatalog.Registry);
        using var x = torch.randn(2, 3, 64, 48);
        using var y = torch.randint(0, classes, [2, 64, 48]);
        model.train();

        var (plainLoss, plainGrads) = Step(model, losses, x, y, defer: false, fused: false);
        var (fusedLoss, fusedGrads) = Step(model, losses, x, y, defer: true, fused: fused);
        try
        {
            Assert.That(fusedLoss, Is.EqualTo(plainLoss).Within(1e-5 * Math.Abs(plainLoss)));
            Assert.That(fusedGrads, Has.Count.EqualTo(plainGrads.Count));
            using var all = torch.cat([.. plainGrads.Values.Select(t => t.flatten())]);
            Assert.That(RelativeL2(torch.cat([.. fusedGrads.Values.Select(t => t.flatten())]), all), Is.LessThan(1e-5), "all gradients");
            // Per parameter, relative to its own norm plus a small share of the whole (a conv bias before BatchNorm has a ~0 gradient).
            var floor = 1e-6 * Norm(all);
            foreach (var (name, g) in plainGrads)
                Assert.That(Norm(fusedGrads[name] - g), Is.LessThan(1e-4 * Norm(g) + floor), name);
        }
        finally
        {
            foreach (var g in plainGrads.Values.Concat(fusedGrads.Values)) g.Dispose();
        }
    }

    private static (double Loss, Dictionary<string, Tensor> Grads) Step(SegModel model, LossSet losses, Tensor x, Tensor y, bool defer, bool fused)
    {
        var before = Resize.DeferTrainingLogits;
        Resize.DeferTrainingLogits = defer;
        try
        {
            using var scope = torch.NewDisposeScope();
            foreach (var p in model.parameters()) p.grad = null;
            torch.manual_seed(1);
            var logits = model.forward(x);
            Assert.That(logits[0].IsMaterialised, Is.EqualTo(!defer));
            using var output = losses.Compute(logits, y);
            output.Total.backward();
            Assert.That(logits[0].IsMaterialised, Is.EqualTo(!fused), "CrossEntropyLoss used the low-resolution logits");
            var grads = model.named_parameters().Where(kv => kv.Item2.grad is not null)
                .ToDictionary(kv => kv.Item1, kv => kv.Item2.grad!.DetachFromDisposeScope());
            return (output.Total.item<float>(), grads);
        }
        finally
        {
            Resize.DeferTrainingLogits = before;
        }
    }

    private static double Norm(Tensor a)
    {
        using var square = a * a;
        using var sum = square.sum();
        return Math.Sqrt(sum.item<float>());
    }

    private static double RelativeL2(Tensor a, Tensor b)
    {
        using var scope = torch.NewDisposeScope();
        var d = a - b;
        var num = Math.Sqrt((d * d).sum().item<float>());
        var den = Math.Sqrt((b * b).sum().item<float>());
        return den == 0 ? num : num / den;
    }
}
