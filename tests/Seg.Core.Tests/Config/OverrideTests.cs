using System.Text.Json;
using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// update_config_dict (spec §1.3) against the Python reference, and its errors.
public class OverrideTests
{
    private static JsonElement Fixture => TypedJson.Load(Path.Combine(TestPaths.Fixtures, "config", "overrides.json"));

    private static IEnumerable<TestCaseData> Cases() =>
        Fixture.GetProperty("cases").EnumerateArray().Select(c => new TestCaseData(c.GetProperty("args").GetRawText(), c.GetProperty("result").GetRawText())
            .SetArgDisplayNames(c.GetProperty("args").GetRawText()));

    private static ConfigMap Base() => (ConfigMap)YamlConfigReader.ReadText("""
        batch_size: 4
        iters: 1000
        lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}
        model: {type: PPLiteSeg, backbone: {type: STDC1}, num_classes: 19}
        test_config: {aug_eval: True}
        """, "base.yml");

    [Test]
    public void TheYamlBaseMatchesTheFixtureBase() => TypedJson.AssertSame(Fixture.GetProperty("base"), Base());

    [TestCaseSource(nameof(Cases))]
    public void AppliesLikePaddleSeg(string argsJson, string resultJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        var a = args.RootElement;
        var overrides = new ConfigOverrides
        {
            LearningRate = a.TryGetProperty("learning_rate", out var lr) ? lr.GetDouble() : null,
            BatchSize = a.TryGetProperty("batch_size", out var bs) ? bs.GetInt64() : null,
            Iters = a.TryGetProperty("iters", out var it) ? it.GetInt64() : null,
            Opts = a.TryGetProperty("opts", out var opts) ? [.. opts.EnumerateArray().Select(o => o.GetString()!)] : [],
        };
        var config = Base();
        ConfigOverrideApplier.Apply(config, overrides);
        using var expected = JsonDocument.Parse(resultJson);
        TypedJson.AssertSame(expected.RootElement, config);
    }

    [Test]
    public void OverriddenValuesRememberTheCommandLine()
    {
        var config = Base();
        ConfigOverrideApplier.Apply(config, new ConfigOverrides { Iters = 5, Opts = ["model.num_classes=2"] });
        Assert.Multiple(() =>
        {
            Assert.That(config["iters"].Location!.File, Is.EqualTo("command line (--iters)"));
            Assert.That(ConfigAssert.At(config, "model.num_classes").Location!.File, Is.EqualTo("command line (--opts model.num_classes=2)"));
        });
    }

    [TestCase("batch_size", "exactly one '='")]
    [TestCase("a=b=c", "exactly one '='")]
    [TestCase("model.head.x=1", "there is no 'head' under 'model' (it has: type, backbone, num_classes)")]
    [TestCase("nothere.x=1", "there is no 'nothere' at the top level")]
    [TestCase("model.type.x=1", "'model.type' is a str (PPLiteSeg), not a mapping")]
    public void BadOptsSayWhatIsWrong(string opt, string expected)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigOverrideApplier.Apply(Base(), new ConfigOverrides { Opts = [opt] }));
        Assert.That(e.Message, Does.StartWith($"command line (--opts {opt}): ").And.Contain(expected));
    }

    [Test]
    public void LearningRateNeedsAnLrScheduler()
    {
        var config = YamlConfigReader.ReadText("iters: 1\n", "c.yml");
        var e = Assert.Throws<ConfigException>(() => ConfigOverrideApplier.Apply(config, new ConfigOverrides { LearningRate = 0.1 }));
        Assert.That(e.Message, Does.Contain("--learning_rate").And.Contain("no lr_scheduler"));
    }
}
