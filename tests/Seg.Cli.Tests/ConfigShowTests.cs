using Seg.Core.Config;
using Seg.Core.Plugins;
using Seg.Core.Registry;
using Seg.Core.Tests.Config;

namespace Seg.Cli.Tests;

// `seg config show` on PaddleSeg's reference configs, overrides in PaddleSeg's order, and config errors.
[Category(TestCategories.NeedsShared)]
public class ConfigShowTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-cli-config-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static IEnumerable<string> ReferenceConfigs() =>
        Directory.EnumerateFiles(TestPaths.PaddleSegConfigs, "*.yml", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(TestPaths.PaddleSegConfigs, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("_base_/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static ComponentRegistry BuiltIns => PluginLoader.Load(new PluginLoadOptions()).Registry;

    [TestCaseSource(nameof(ReferenceConfigs))]
    public void Show_validates_and_prints_PaddleSegs_resolution_and_the_output_reloads_to_the_same_tree(string config)
    {
        var path = Path.Combine(TestPaths.PaddleSegConfigs, config);

        var run = SegRun.Of("config", "show", "--config", path, "--validate");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.StartWith("warning: ").Or.StartWith("note: "));
        var shown = YamlConfigReader.ReadText(run.Output, "shown.yml");
        var loaded = SegConfig.Load(path, null, ConfigChecker.Default(new RegistryDatasetDefaults(BuiltIns)));
        Assert.That(ConfigAssert.SameTyped(loaded.Root, shown), Is.Null, run.Output);
        // PaddleSeg's own resolution (tests/fixtures/paddleseg_config_reference.py), where no dataset constants are injected.
        var trainType = ((ConfigScalar)((ConfigMap)loaded.Root["train_dataset"])["type"]).Value as string;
        if (new RegistryDatasetDefaults(BuiltIns).Find(trainType!) == null)
        {
            var fixture = TypedJson.Load(Path.Combine(TestPaths.Fixtures, "config", "resolved", config + ".json"));
            TypedJson.AssertSame(fixture.GetProperty("checked"), shown);
        }
    }

    [Test]
    public void A_base_file_alone_fails_the_checker_with_one_line_naming_the_file()
    {
        var path = Path.GetFullPath(Path.Combine(TestPaths.PaddleSegConfigs, "_base_", "cityscapes.yml"));

        var run = SegRun.Of("config", "show", "--config", path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.StartWith($"error: {path}:1:1: ").And.Contain("no model in the config").And.EndWith("[config check DefaultPrimaryRule]" + Environment.NewLine));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Overrides_apply_in_PaddleSegs_order_and_opts_win()
    {
        var path = MinimalConfig.Write(dir);

        var run = SegRun.Of("config", "show", "--config", path, "--iters", "5", "--batch_size", "3", "--learning_rate", "0.5",
            "--opts", "iters=7", "lr_scheduler.learning_rate=0.25", "test_config={'scales': (0.75, 1.0)}");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var shown = YamlConfigReader.ReadText(run.Output, "shown.yml");
        Assert.Multiple(() =>
        {
            Assert.That(ConfigAssert.ValueAt(shown, "iters"), Is.EqualTo(7L), "--opts is applied after --iters");
            Assert.That(ConfigAssert.ValueAt(shown, "batch_size"), Is.EqualTo(3L));
            Assert.That(ConfigAssert.ValueAt(shown, "lr_scheduler.learning_rate"), Is.EqualTo(0.25), "--opts is applied after --learning_rate");
            Assert.That(ConfigAssert.At(shown, "test_config.scales"), Is.TypeOf<ConfigList>().With.Property("IsTuple").True);
        });
    }

    [Test]
    public void A_yaml_error_names_the_file_and_line()
    {
        var path = MinimalConfig.Write(dir, yaml: MinimalConfig.Yaml.Replace("iters: 100", "iters: [100", StringComparison.Ordinal));

        var run = SegRun.Of("config", "show", "--config", path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Match($"^error: {System.Text.RegularExpressions.Regex.Escape(path)}:\\d+:\\d+: "));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_leaking_inherited_key_says_what_to_write_instead()
    {
        var path = MinimalConfig.Write(dir, yaml: MinimalConfig.Yaml + "\ntest_config:\n  _inherited_: False\n  aug_eval: True\n");
        var line = MinimalConfig.Yaml.Split('\n').Length + 2;

        var run = SegRun.Of("config", "show", "--config", path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"error: {path}:{line}:").And.Contain("delete this line"));
    }

    [Test]
    public void Bad_opts_items_name_the_command_line()
    {
        var path = MinimalConfig.Write(dir);

        var run = SegRun.Of("config", "show", "--config", path, "--opts", "model.head.x=1");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Does.StartWith("error: command line (--opts model.head.x=1): cannot set 'model.head.x': there is no 'head' under 'model'"));
    }
}
