using Seg.Cli.Commands;
using Seg.Core.Config;

namespace Seg.Cli.Tests;

// The override flags of train/val reach the config in PaddleSeg's order (spec §1.3); predict has none.
public class OverrideWiringTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-cli-overrides-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Train_flags_become_overrides_and_opts_win()
    {
        var path = MinimalConfig.Write(dir);
        var cli = new SegCommandLine();
        var parsed = cli.Root.Parse(["train", "--config", path, "--iters", "5", "--batch_size", "3", "--learning_rate", "0.5", "--opts", "iters=7", "batch_size=1e1"]);

        var config = SegConfig.Load(path, TrainCommand.Overrides(cli.Train.Read(parsed)));

        Assert.That(((ConfigScalar)config.Root["iters"]).Value, Is.EqualTo(7L));
        Assert.That(((ConfigScalar)config.Root["batch_size"]).Value, Is.EqualTo(10.0), "--opts values are typed by literal_eval, as in PaddleSeg");
        Assert.That(((ConfigScalar)((ConfigMap)config.Root["lr_scheduler"])["learning_rate"]).Value, Is.EqualTo(0.5));
    }

    [Test]
    public void Train_reports_an_opts_path_error_before_not_implemented()
    {
        var path = MinimalConfig.Write(dir);

        var run = SegRun.Of("train", "--config", path, "--opts", "nothere.x=1");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Does.StartWith("error: command line (--opts nothere.x=1): cannot set 'nothere.x'"));
    }

    [Test]
    public void Val_applies_opts()
    {
        var path = MinimalConfig.Write(dir);

        var ok = SegRun.Of("val", "--config", path, "--opts", "model.align_corners=True");
        var bad = SegRun.Of("val", "--config", path, "--opts", "test_config.aug_eval=True");

        Assert.That(ok.Error, Does.Contain("has no val_dataset"), "the config loads with --opts applied; val then stops at the missing val_dataset");
        Assert.That(bad.ExitCode, Is.EqualTo(1));
        Assert.That(bad.Error, Does.Contain("cannot set 'test_config.aug_eval': there is no 'test_config' at the top level"));
    }

    [Test]
    public void Train_saves_nothing_yet_but_the_run_folder_helper_writes_resolved_yml()
    {
        var path = MinimalConfig.Write(dir);
        var config = SegConfig.Load(path, new ConfigOverrides { Iters = 9 });

        var saved = config.SaveResolved(Path.Combine(dir, "output"));

        Assert.That(saved, Is.EqualTo(Path.Combine(dir, "output", "resolved.yml")));
        Assert.That(((ConfigScalar)YamlConfigReader.ReadFile(saved)["iters"]).Value, Is.EqualTo(9L));
    }
}
