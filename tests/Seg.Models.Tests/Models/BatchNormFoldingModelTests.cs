using Seg.Torch.Modules;

namespace Seg.Models.Tests.Models;

// Eval logits with every conv → BN pair folded equal the plain model's, with batch-norm statistics and affine
// parameters far from their initial identity (so a wrong fold shows).
[NonParallelizable]
public class BatchNormFoldingModelTests
{
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml")]
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale0.5_160k.yml")]
    [TestCase("configs/stdcseg/stdc2_seg_cityscapes_1024x512_80k.yml")]
    [TestCase("configs/deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml")]
    [TestCase("configs/ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml")]
    public void Folded_eval_logits_equal_the_plain_models(string config)
    {
        torch.manual_seed(5);
        using var model = ModelCatalog.Build(Path.Combine(TestPaths.RepoRoot, config));
        Randomize(model);
        model.eval();
        using var x = torch.randn(1, 3, 64, 64);
        using var inference = torch.inference_mode();
        var plain = model.call(x);
        var keys = model.state_dict().Keys.ToList();
        using (var folded = BatchNormFolding.Fold(model))
        {
            var batchNorms = model.modules().OfType<BatchNorm2d>().Count();
            Assert.That(folded.Count, Is.EqualTo(batchNorms), "every batch norm folded");
            var y = model.call(x);
            Assert.That(y, Has.Length.EqualTo(plain.Length));
            for (var i = 0; i < y.Length; i++)
            {
                var diff = (y[i] - plain[i]).abs().max().item<float>() / plain[i].abs().max().item<float>();
                Assert.That(diff, Is.LessThanOrEqualTo(1e-5), $"output {i}: max |folded − plain| / max |plain|");
                y[i].Dispose();
            }
        }
        Assert.That(model.state_dict().Keys, Is.EqualTo(keys));
        foreach (var t in plain) t.Dispose();
    }

    private static void Randomize(Module model)
    {
        using var noGrad = torch.no_grad();
        foreach (var bn in model.modules().OfType<BatchNorm2d>())
        {
            torch.nn.init.uniform_(bn.running_mean!, -0.5, 0.5);
            torch.nn.init.uniform_(bn.running_var!, 0.3, 2.0);
            torch.nn.init.uniform_(bn.weight!, 0.5, 1.5);
            torch.nn.init.uniform_(bn.bias!, -0.3, 0.3);
        }
    }
}
