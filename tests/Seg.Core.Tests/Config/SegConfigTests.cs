using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// The facade: resolution, overrides in PaddleSeg's order, checker, typed accessors, Save.
[Category(TestCategories.NeedsShared)]
public class SegConfigTests
{
    private static string Reference(string relative) => Path.Combine(TestPaths.PaddleSegConfigs, relative);

    [Test]
    public void LoadsAReferenceConfigWithTypedAccessors()
    {
        var cfg = SegConfig.Load(Reference("pp_liteseg/pp_liteseg_stdc2_cityscapes_1024x512_scale1.0_160k.yml"));
        Assert.Multiple(() =>
        {
            Assert.That(cfg.BatchSize, Is.EqualTo(4));
            Assert.That(cfg.Iters, Is.EqualTo(160000));
            Assert.That(((ConfigScalar)cfg.Model["type"]).Value, Is.EqualTo("PPLiteSeg"));
            Assert.That(((ConfigScalar)((ConfigMap)cfg.Model["backbone"])["type"]).Value, Is.EqualTo("STDC2"));
            Assert.That(((ConfigScalar)cfg.TrainDataset["type"]).Value, Is.EqualTo("Cityscapes"));
            Assert.That(cfg.ValDataset, Is.Not.Null);
            Assert.That(cfg.Optimizer.ContainsKey("type"), Is.True);
            Assert.That(cfg.LrScheduler.ContainsKey("learning_rate"), Is.True);
            Assert.That(((ConfigList)cfg.Loss["types"]).Items, Has.Count.EqualTo(((ConfigList)cfg.Loss["coef"]).Items.Count));
            Assert.That(((ConfigScalar)cfg.TestConfig["aug_eval"]).Value, Is.EqualTo(true));
            Assert.That(cfg.DistillLoss, Is.Null);
            Assert.That(cfg.ToStaticTraining, Is.False);
        });
    }

    [Test]
    public void AccessorsHandOutCopies()
    {
        var cfg = SegConfig.Load(Reference("stdcseg/stdc1_seg_cityscapes_1024x512_80k.yml"));
        cfg.Model.Remove("type");
        Assert.That(cfg.Model.ContainsKey("type"), Is.True);
    }

    [Test]
    public void OptsWinOverFlagsAndChecksRunAfterOverrides()
    {
        var cfg = SegConfig.Load(Reference("stdcseg/stdc1_seg_cityscapes_1024x512_80k.yml"), new ConfigOverrides
        {
            BatchSize = 8,
            Iters = 100,
            LearningRate = 0.5,
            Opts = ["iters=7", "loss.types=[{'type': 'CrossEntropyLoss'}]", "loss.coef=[1,1]"],
        });
        Assert.Multiple(() =>
        {
            Assert.That(cfg.BatchSize, Is.EqualTo(8));
            Assert.That(cfg.Iters, Is.EqualTo(7));
            Assert.That(((ConfigScalar)cfg.LrScheduler["learning_rate"]).Value, Is.EqualTo(0.5));
            Assert.That(((ConfigList)cfg.Loss["types"]).Items, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void WrongTypedBatchSizeSaysWhereAndWhat()
    {
        var cfg = SegConfig.Load(Reference("stdcseg/stdc1_seg_cityscapes_1024x512_80k.yml"), new ConfigOverrides { Opts = ["batch_size=abc"] });
        Assert.That(() => cfg.BatchSize, Throws.TypeOf<ConfigException>().With.Message.EqualTo(
            "command line (--opts batch_size=abc): 'batch_size' must be an integer, not a str (abc); write e.g. 'batch_size: 4'"));
    }

    [Test]
    public void SaveWritesAYamlThatLoadsToTheSameTree()
    {
        using var dir = new TempConfigDir();
        var cfg = SegConfig.Load(Reference("pssl/pp_liteseg_stdc2_cityscapes_1024x512_scale1.0_160k_pssl.yml"), new ConfigOverrides { Opts = ["test_config.scales=0.75,1.0,1.25"] });
        var saved = Path.Combine(dir.Root, "resolved.yml");
        cfg.Save(saved);
        var again = SegConfig.Load(saved);
        Assert.That(ConfigAssert.SameTyped(cfg.Root, again.Root), Is.Null);
    }
}
