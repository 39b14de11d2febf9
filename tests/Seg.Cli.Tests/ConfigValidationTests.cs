using Seg.Core.Tests.Plugins;

namespace Seg.Cli.Tests;

// `seg config show --validate` and train/val/predict with the example plugin from a fresh folder: a
// component is used by its `type:` from a YAML file, and wrong types or keys fail with file:line.
public class ConfigValidationTests
{
    private string root = null!;
    private string plugins = null!;

    [OneTimeSetUp]
    public void Build()
    {
        root = Directory.CreateTempSubdirectory("seg-cli-validate-").FullName;
        plugins = Path.Combine(root, "plugins");
        ExamplePluginBuild.BuildInto(TestPaths.RepoRoot, plugins);
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    // MinimalConfig with its loss replaced; the loss item's keys start on line 23.
    private string WriteWithLoss(string name, string lossItem) =>
        MinimalConfig.Write(root, name, MinimalConfig.Yaml.Replace("    - type: CrossEntropyLoss", lossItem, StringComparison.Ordinal));

    private static int LineOf(string path, string text) => Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void The_plugin_component_is_bound_by_its_type_and_PaddleSeg_components_missing_from_this_build_are_noted()
    {
        var path = WriteWithLoss("dice.yml", "    - type: SoftDiceLoss\n      smooth: 0.5\n      weight: [0.2, 0.3, 0.5]");

        var run = SegRun.Of("config", "show", "--plugins", plugins, "--config", path, "--validate");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("type: SoftDiceLoss"));
        Assert.That(run.Error, Does.Not.Contain("SoftDiceLoss"), "the plugin loss is available, so nothing is said about it");
        Assert.That(run.Error, Does.Contain($"note: {path}:{LineOf(path, "type: SegNet")}:9: model: Model 'SegNet' is not available in this build; its keys were not checked"));
    }

    [Test]
    public void An_unknown_type_fails_with_file_line_and_a_suggestion()
    {
        var path = WriteWithLoss("unknown.yml", "    - type: SoftDiceLos");

        var run = SegRun.Of("config", "show", "--plugins", plugins, "--config", path, "--validate");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.StartWith($"error: {path}:{LineOf(path, "SoftDiceLos")}:13: loss.types[0].type: unknown Loss 'SoftDiceLos'. Did you mean 'SoftDiceLoss'?"));
        Assert.That(run.Error, Does.Contain("Registered Losses: ").And.Contain("SoftDiceLoss"));
    }

    [TestCase("      smoth: 0.5", "loss.types[0].smoth: unknown key 'smoth' for Loss 'SoftDiceLoss'. Did you mean 'smooth'? Allowed keys: weight, ignore_index, smooth.")]
    [TestCase("      smooth: big", "loss.types[0].smooth: ")]
    [TestCase("      weight: 0.5", "loss.types[0].weight: expected ")]
    public void Wrong_keys_and_values_fail_with_file_line(string line, string message)
    {
        var path = WriteWithLoss("bad.yml", "    - type: SoftDiceLoss\n" + line);

        var run = SegRun.Of("config", "show", "--plugins", plugins, "--config", path, "--validate");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"error: {path}:{LineOf(path, line.Trim())}:"));
        Assert.That(run.Error, Does.Contain(message));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void Without_validate_show_only_runs_PaddleSegs_checker()
    {
        var path = WriteWithLoss("typo.yml", "    - type: SoftDiceLoss\n      smoth: 0.5");

        var run = SegRun.Of("config", "show", "--plugins", plugins, "--config", path);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("smoth: 0.5"));
    }

    [TestCase("train")]
    [TestCase("val")]
    [TestCase("predict")]
    public void Run_commands_report_config_errors_before_saying_not_implemented(string command)
    {
        var path = WriteWithLoss("bad-" + command.Replace(' ', '-') + ".yml", "    - type: SoftDiceLoss\n      smoth: 0.5");
        var model = MinimalConfig.Write(root, "model.safetensors", "");
        string[] extra = command switch
        {
            "val" => ["--model_path", model],
            "predict" => ["--model_path", model, "--image_path", root],
            _ => [],
        };

        var run = SegRun.Of([.. command.Split(' '), "--plugins", plugins, "--config", path, .. extra]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"error: {path}:{LineOf(path, "smoth")}:").And.Contain("unknown key 'smoth'"));
        Assert.That(run.Error, Does.Not.Contain("not implemented"));
    }

    [Test]
    public void A_valid_config_with_the_plugin_passes_validation_and_reaches_model_building()
    {
        var path = WriteWithLoss("ok.yml", "    - type: SoftDiceLoss");

        var run = SegRun.Of("train", "--plugins", plugins, "--config", path, "--iters", "10", "--device", "cpu", "--save_dir", Path.Combine(root, "out"));

        // The plugin's loss passes validation; training then stops at the config's placeholder model (SegNet is not registered).
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("model.type: unknown Model 'SegNet'").And.Not.Contain("SoftDiceLoss"));
    }
}
