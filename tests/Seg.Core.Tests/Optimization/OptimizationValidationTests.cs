using Seg.Core.Config;
using Seg.Core.Registry;
using static Seg.Core.Tests.Optimization.OptimizationTestHelpers;

namespace Seg.Core.Tests.Optimization;

// Config validation (`seg config show --validate`) binds optimizer and lr_scheduler against the registered components.
public class OptimizationValidationTests
{
    [TestCase("configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml", "Momentum", "PolynomialDecay")]
    [TestCase("configs/stdcseg/stdc1_seg_pssl.yml", "Momentum", "StepDecay")]
    public void Optimizer_and_scheduler_are_reported_available(string config, string optimizer, string scheduler)
    {
        var root = SegConfig.Load(Path.Combine(TestPaths.RepoRoot, config)).Root;
        var report = ConfigValidator.Validate(root, Components);
        Assert.That(report.Checked.Select(c => (c.KeyPath, c.Name)), Does.Contain(("optimizer", optimizer)).And.Contain(("lr_scheduler", scheduler)));
        Assert.That(report.NotAvailable.Select(c => c.KeyPath), Has.None.EqualTo("optimizer").And.None.EqualTo("lr_scheduler"));
    }

    [Test]
    public void A_bad_scheduler_key_fails_validation_naming_it()
    {
        var root = (ConfigMap)YamlConfigReader.ReadText("lr_scheduler:\n  type: CosineAnnealingDecay\n  learning_rate: 0.1\n  t_max: 10\n", "v.yml");
        var e = Assert.Throws<ConfigBindingException>(() => ConfigValidator.Validate(root, Components));
        Assert.That(e!.KeyPath, Does.StartWith("lr_scheduler"));
        Assert.That(e.Message, Does.Contain("T_max"));
    }
}
