using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// Every published PaddleSeg config resolves to exactly what PaddleSeg's algorithm gives
// (fixtures from tests/fixtures/paddleseg_config_reference.py).
[Category(TestCategories.NeedsShared)]
public class ReferenceConfigTests
{
    private static string ResolvedDir => Path.Combine(TestPaths.Fixtures, "config", "resolved");

    private static IEnumerable<string> Configs() =>
        Directory.EnumerateFiles(TestPaths.PaddleSegConfigs, "*.yml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.PaddleSegConfigs, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Test]
    public void EveryReferenceConfigHasAFixture()
    {
        var configs = Configs().ToList();
        Assert.That(configs, Has.Count.GreaterThanOrEqualTo(50));
        foreach (var config in configs)
            Assert.That(File.Exists(Path.Combine(ResolvedDir, config + ".json")), config);
    }

    [TestCaseSource(nameof(Configs))]
    public void ResolvesLikePaddleSeg(string config)
    {
        var fixture = TypedJson.Load(Path.Combine(ResolvedDir, config + ".json"));
        var resolved = BaseConfigResolver.Resolve(Path.Combine(TestPaths.PaddleSegConfigs, config));
        TypedJson.AssertSame(fixture.GetProperty("resolved"), resolved);
    }

    [TestCaseSource(nameof(Configs))]
    public void ChecksLikePaddleSeg(string config)
    {
        var fixture = TypedJson.Load(Path.Combine(ResolvedDir, config + ".json"));
        var path = Path.Combine(TestPaths.PaddleSegConfigs, config);
        if (fixture.TryGetProperty("check_error", out var rule))
        {
            var e = Assert.Throws<ConfigException>(() => SegConfig.Load(path));
            Assert.That(e.Message, Does.Contain(rule.GetString()));
        }
        else
        {
            TypedJson.AssertSame(fixture.GetProperty("checked"), SegConfig.Load(path).Root);
        }
    }

    [TestCaseSource(nameof(Configs))]
    public void DumpReloadsToTheSameTree(string config)
    {
        var resolved = BaseConfigResolver.Resolve(Path.Combine(TestPaths.PaddleSegConfigs, config));
        var yaml = YamlConfigWriter.Write(resolved);
        var reloaded = YamlConfigReader.ReadText(yaml, "dump.yml");
        Assert.That(ConfigAssert.SameTyped(resolved, reloaded), Is.Null, yaml);
    }
}
