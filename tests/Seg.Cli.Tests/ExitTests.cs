namespace Seg.Cli.Tests;

// Error exits (1, one clear line) and the plain "not implemented yet" exit (2) of valid commands.
public class ExitTests
{
    private string dir = null!;
    private string config = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("seg-cli-").FullName;
        config = MinimalConfig.Write(dir);
        File.WriteAllText(Path.Combine(dir, "model.safetensors"), "");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Missing_or_absent_config_is_an_error()
    {
        var missing = SegRun.Of("train");
        var absent = SegRun.Of("train", "--config", Path.Combine(dir, "nope.yml"));

        Assert.That((missing.ExitCode, missing.Error.Trim()), Is.EqualTo((1, "seg train: error: --config is required")));
        Assert.That(absent.ExitCode, Is.EqualTo(1));
        Assert.That(absent.Error, Does.Contain($"seg train: error: --config: the file '{Path.Combine(dir, "nope.yml")}' does not exist"));
    }

    [Test]
    public void Bad_opts_items_get_PaddleSegs_advice()
    {
        var run = SegRun.Of("train", "--config", config, "--opts", "batch_size=1", "iters");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--opts item 'iters' must be key=value with exactly one '=', e.g. --opts batch_size=1 test_config.scales=0.75,1.0,1.25"));
    }

    [TestCase("train", "--iters", "0", "--iters must be positive, got 0")]
    [TestCase("train", "--batch_size", "-2", "--batch_size must be positive, got -2")]
    [TestCase("val", "--is_slide", null, "--is_slide needs --crop_size W H and --stride W H")]
    [TestCase("val", "--scales", "0", "--scales must be positive, got 0")]
    public void Out_of_range_values_are_errors(string command, string flag, string? value, string message)
    {
        string[] args = value == null ? [command, "--config", config, flag] : [command, "--config", config, flag, value];

        var run = SegRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain($"seg {command}: error: {message}"));
    }

    [TestCase("train", "--fp16")]
    [TestCase("train", "--epochs")] // --log_dir is the launcher's (paddle.distributed.launch --log_dir)
    [TestCase("predict", "--opts")]
    public void Flags_PaddleSeg_does_not_have_are_rejected(string command, string flag)
    {
        var run = SegRun.Of(command, "--config", config, flag, "x");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(flag));
    }

    [TestCase("--device", "tpu")]
    [TestCase("--precision", "bf16")]
    [TestCase("--iters", "ten")]
    [TestCase("--learning_rate", "fast")]
    public void Values_of_the_wrong_type_or_choice_are_parse_errors(string flag, string value)
    {
        var run = SegRun.Of("train", "--config", config, flag, value);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain(value));
    }

    [Test]
    public void Crop_size_needs_two_values()
    {
        var run = SegRun.Of("val", "--config", config, "--is_slide", "--crop_size", "512", "--stride", "256", "256");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--crop_size"));
    }

    [Test]
    public void Custom_color_needs_rgb_triples()
    {
        var run = SegRun.Of("predict", "--config", config, "--model_path", config, "--image_path", dir, "--custom_color", "255", "0");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--custom_color takes r g b triples, got 2 values"));
    }
}
