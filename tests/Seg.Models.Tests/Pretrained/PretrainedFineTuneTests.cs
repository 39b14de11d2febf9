using Seg.Core.Logging;
using Seg.Core.Weights;
using Seg.Models.Backbones;
using Seg.Models.Segmentation;

namespace Seg.Models.Tests.Pretrained;

// `pretrained:` at model and backbone level: a 1001-class PSSL PP-LiteSeg-T checkpoint fine-tunes an 11-class model.
[NonParallelizable]
public class PretrainedFineTuneTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir()
    {
        dir = Path.Combine(Path.GetTempPath(), "seg-finetune-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, recursive: true);

    // Built as the builder does: the architecture, then the configured weights (backbone first, then the model's).
    private static PPLiteSeg LiteSegT(long classes, string? pretrained = null, string? backbonePretrained = null)
    {
        var model = new PPLiteSeg(new PPLiteSegOptions
        {
            NumClasses = classes,
            Backbone = new STDC1(new STDCNetOptions { Pretrained = backbonePretrained }),
            ArmOutChs = [32, 64, 128],
            SegHeadInterChs = [32, 64, 64],
            Pretrained = pretrained,
        });
        PretrainedWeights.ApplyConfigured(model);
        return model;
    }

    [Test]
    public void A_1001_class_PSSL_checkpoint_loads_into_an_11_class_model_except_the_class_dependent_head_keys()
    {
        torch.manual_seed(1);
        using var pssl = LiteSegT(1001);
        var folder = Path.Combine(dir, "iter_100");
        Directory.CreateDirectory(folder);
        pssl.save(Path.Combine(folder, PretrainedWeights.ModelFileName));
        var psslState = pssl.state_dict();

        using var log = new StringWriter();
        var previous = SegLog.Out;
        SegLog.Out = log;
        PPLiteSeg fine;
        try
        {
            torch.manual_seed(2);
            fine = LiteSegT(11, pretrained: folder);
        }
        finally
        {
            SegLog.Out = previous;
        }
        using var owned = fine;

        // Independent truth: the keys whose shapes differ between the two architectures.
        var fineState = fine.state_dict();
        var differing = fineState.Where(kv => !kv.Value.shape.SequenceEqual(psslState[kv.Key].shape)).Select(kv => kv.Key).ToList();
        Assert.That(differing, Is.EqualTo(new[] { "seg_heads.0.conv_out.weight", "seg_heads.1.conv_out.weight", "seg_heads.2.conv_out.weight" }));
        foreach (var (k, v) in fineState)
            Assert.That(v.equal(psslState[k]), Is.EqualTo(!differing.Contains(k)), k);

        var text = log.ToString();
        Assert.That(text, Does.Contain("No pretrained model to load, STDC1 will be trained from scratch."));
        Assert.That(text, Does.Contain($"Loading pretrained model from {folder}"));
        var summary = $"loaded {fineState.Count - 3}/{fineState.Count}; skipped 3: "
            + string.Join(", ", differing.Select(k => $"{k} [1001,{fineState[k].shape[1]},1,1] vs [11,{fineState[k].shape[1]},1,1]"));
        Assert.That(text, Does.Contain(summary));

        // The report lists exactly those keys, with both shapes.
        var report = PretrainedWeights.LoadEntire(fine, folder, TextWriter.Null);
        Assert.That(report.SkippedKeys, Is.EqualTo(differing));
        Assert.That(report.Skipped[0], Does.EndWith("[1001,32,1,1] vs [11,32,1,1]"));
    }

    [Test]
    public void Backbone_pretrained_loads_keys_relative_to_the_backbone_and_the_model_level_overwrites_them()
    {
        torch.manual_seed(1);
        using var donor = LiteSegT(6);
        var backboneFile = Path.Combine(dir, "backbone.safetensors");
        new STDC1(new STDCNetOptions()).save(backboneFile);
        using var backboneWeights = SafeTensors.Load(backboneFile);
        var modelFile = Path.Combine(dir, "model.safetensors");
        donor.save(modelFile);

        torch.manual_seed(2);
        using var fromBackbone = LiteSegT(6, backbonePretrained: backboneFile);
        foreach (var (k, v) in backboneWeights.Tensors) Assert.That(fromBackbone.state_dict()["backbone." + k].equal(v), Is.True, k);

        torch.manual_seed(2);
        using var both = LiteSegT(6, pretrained: modelFile, backbonePretrained: backboneFile);
        foreach (var (k, v) in donor.state_dict()) Assert.That(both.state_dict()[k].equal(v), Is.True, k);
    }

    [Test]
    public void Constructors_build_the_architecture_only_and_the_configured_weights_come_after()
    {
        var missing = Path.Combine(dir, "missing.safetensors");
        using var model = new PPLiteSeg(new PPLiteSegOptions
        {
            NumClasses = 3,
            Backbone = new STDC1(new STDCNetOptions { Pretrained = missing }),
            ArmOutChs = [32, 64, 128],
            SegHeadInterChs = [32, 64, 64],
        });
        var e = Assert.Throws<PretrainedLoadException>(() => PretrainedWeights.ApplyConfigured(model, TextWriter.Null))!;
        Assert.That(e.ModulePath, Is.EqualTo("backbone"));
        Assert.That(e.InnerException, Is.InstanceOf<FileNotFoundException>().With.Message.Contains(missing));
    }
}
