using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Losses;
using Seg.Models.Segmentation;

namespace Seg.Models.Tests.Models;

// The models and their configured losses train: a few SGD steps on one batch drive the loss down.
public class TrainingStepTests
{
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_camvid_480x360_10k.yml", 11)]
    [TestCase("configs/stdcseg/stdc1_seg_pssl.yml", 1001)]
    [TestCase("configs/pspnet/pspnet_resnet50_os8_camvid_480x360_10k.yml", 11)]
    [TestCase("configs/deeplabv3/deeplabv3_resnet50_os8_camvid_480x360_10k.yml", 11)]
    // OCRNet initialises its convolutions at Normal(0, 0.001) as PaddleSeg does, so on random labels its loss starts
    // at chance and falls slowly (0.3% in 8 steps at lr 0.01, 0.7% at lr 0.1): a larger step and a smaller bar.
    [TestCase("configs/ocrnet/ocrnet_hrnetw18_camvid_480x360_10k.yml", 11, 0.1, 0.995f)]
    public void A_few_SGD_steps_on_one_batch_drive_the_loss_down(string config, long classes, double lr = 0.01, float factor = 0.97f)
    {
        torch.manual_seed(0);
        var cfg = ConfigLoader.Load(Path.Combine(TestPaths.RepoRoot, config), null, ModelCatalog.Registry);
        SegModel model;
        using (Seg.Core.Weights.PretrainedWeights.ArchitectureOnly()) model = SegModelFactory.Build(cfg, ModelCatalog.Registry);
        using var owned = model;
        var losses = LossSet.FromConfig(cfg.Loss, ModelCatalog.Registry);
        using var optimizer = torch.optim.SGD(model.parameters(), lr: lr, momentum: 0.9);
        using var x = torch.randn(2, 3, 64, 64);
        using var y = torch.randint(0, classes, [2, 64, 64]);
        model.train();

        var history = new List<float>();
        for (var step = 0; step < 8; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var logits = model.forward(x);
            Assert.That(logits, Has.Length.EqualTo(losses.Losses.Count), "one loss per model output");
            using var output = losses.Compute(logits, y);
            output.Total.backward();
            optimizer.step();
            history.Add(output.Total.item<float>());
        }
        Assert.That(history.All(float.IsFinite), Is.True, string.Join(", ", history));
        Assert.That(history[^1], Is.LessThan(history[0] * factor), string.Join(", ", history));
    }
}
