using Seg.Cli.Commands;

namespace Seg.Cli.Tests;

// PaddleSeg command lines (tools/train.py, val.py, predict.py) translate one to one.
public class FlagParsingTests
{
    private static (SegCommandLine Cli, System.CommandLine.ParseResult Result) Parse(params string[] args)
    {
        var cli = new SegCommandLine();
        var result = cli.Root.Parse(args);
        Assert.That(result.Errors, Is.Empty, string.Join("; ", result.Errors.Select(e => e.Message)));
        return (cli, result);
    }

    [Test]
    public void Train_flags_parse_into_the_typed_record()
    {
        var (cli, r) = Parse("train", "--config", "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml",
            "--iters", "1000", "--batch_size", "4", "--learning_rate", "0.01", "--save_interval", "200", "--resume_model", "output/iter_100",
            "--save_dir", "out", "--keep_checkpoint_max", "3", "--num_workers", "2", "--do_eval", "--use_vdl", "--use_ema", "--log_iters", "5",
            "--seed", "42", "--device", "cpu", "--precision", "fp16", "--amp_level", "O2", "--data_format", "NHWC", "--repeats", "2",
            "--early_stop_intervals", "3", "--use_multilabel", "--opts", "batch_size=1", "test_config.scales=0.75,1.0,1.25",
            "--plugins", "a", "--plugins", "b");

        var a = cli.Train.Read(r);

        Assert.Multiple(() =>
        {
            Assert.That(a.Config, Is.EqualTo("configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml"));
            Assert.That((a.Iters, a.BatchSize, a.LearningRate, a.SaveInterval), Is.EqualTo((1000, 4, 0.01, 200)));
            Assert.That((a.ResumeModel, a.SaveDir, a.KeepCheckpointMax, a.NumWorkers), Is.EqualTo(("output/iter_100", "out", 3, 2)));
            Assert.That((a.DoEval, a.UseVdl, a.UseEma, a.UseMultilabel), Is.EqualTo((true, true, true, true)));
            Assert.That((a.LogIters, a.Seed, a.Device, a.Precision, a.AmpLevel), Is.EqualTo((5, 42, "cpu", "fp16", "O2")));
            Assert.That((a.DataFormat, a.Repeats, a.EarlyStopIntervals), Is.EqualTo(("NHWC", 2, 3)));
            Assert.That(a.Opts, Is.EqualTo(new[] { "batch_size=1", "test_config.scales=0.75,1.0,1.25" }));
            Assert.That(a.Plugins, Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void Train_defaults_are_PaddleSegs()
    {
        var (cli, r) = Parse("train", "--config", "x.yml");

        var a = cli.Train.Read(r);

        Assert.That(a, Is.EqualTo(new TrainArguments { Config = "x.yml", Opts = a.Opts, Plugins = a.Plugins }));
        Assert.That((a.Device, a.SaveDir, a.SaveInterval, a.LogIters, a.KeepCheckpointMax, a.NumWorkers, a.Precision, a.AmpLevel, a.Repeats),
            Is.EqualTo(("gpu", "./output", 1000, 10, 5, 0, "fp32", "O1", 1)));
        Assert.That((a.Iters, a.BatchSize, a.LearningRate, a.Seed, a.DoEval), Is.EqualTo(((int?)null, (int?)null, (double?)null, (int?)null, false)));
        Assert.That(a.Opts, Is.Empty);
    }

    [Test]
    public void Val_flags_parse_with_pairs_and_scale_lists()
    {
        var (cli, r) = Parse("val", "--config", "x.yml", "--model_path", "output/best_model/model.safetensors", "--aug_eval",
            "--scales", "0.75", "1.0", "1.25", "--flip_horizontal", "--is_slide", "--crop_size", "512", "1024", "--stride", "256", "512",
            "--num_workers", "4", "--device", "cpu", "--auc_roc", "False", "--opts", "test_config.aug_eval=True");

        var a = cli.Val.Read(r);

        Assert.Multiple(() =>
        {
            Assert.That(a.ModelPath, Is.EqualTo("output/best_model/model.safetensors"));
            Assert.That(a.TestConfig.Augment && a.TestConfig.FlipHorizontal && !a.TestConfig.FlipVertical && a.TestConfig.IsSlide, Is.True);
            Assert.That(a.TestConfig.Scales, Is.EqualTo(new[] { 0.75, 1.0, 1.25 }));
            Assert.That(a.TestConfig.CropSize, Is.EqualTo((512, 1024)));
            Assert.That(a.TestConfig.Stride, Is.EqualTo((256, 512)));
            Assert.That((a.NumWorkers, a.Device), Is.EqualTo((4, "cpu")));
            Assert.That(a.AucRoc, Is.True, "PaddleSeg's --auc_roc is type=bool: the string 'False' is true");
            Assert.That(a.Opts, Is.EqualTo(new[] { "test_config.aug_eval=True" }));
        });
    }

    [TestCase("val", "--aug_eval")]
    [TestCase("predict", "--aug_pred")]
    public void Aug_legacy_parses_with_the_augmentation_switch(string command, string augment)
    {
        string[] required = command == "predict" ? ["--model_path", "m", "--image_path", "i"] : [];
        var (cli, r) = Parse([command, "--config", "x.yml", .. required, augment, "--aug_legacy", "--scales", "0.75", "1.0", "1.25", "--flip_horizontal"]);

        var t = command == "val" ? cli.Val.Read(r).TestConfig : cli.Predict.Read(r).TestConfig;

        Assert.That((t.Augment, t.AugLegacy, t.FlipHorizontal), Is.EqualTo((true, true, true)));
    }

    [TestCase("val", "--aug_eval")]
    [TestCase("predict", "--aug_pred")]
    public void Aug_legacy_without_the_augmentation_switch_is_a_clear_error(string command, string augment)
    {
        var dir = Directory.CreateTempSubdirectory("seg-aug-legacy-").FullName;
        try
        {
            var config = MinimalConfig.Write(dir);
            string[] required = command == "predict" ? ["--model_path", config, "--image_path", config] : [];

            var run = SegRun.Of([command, "--config", config, .. required, "--aug_legacy"]);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain($"--aug_legacy needs {augment}"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Val_defaults_are_PaddleSegs()
    {
        var (cli, r) = Parse("val", "--config", "x.yml");

        var a = cli.Val.Read(r);

        Assert.That(a.TestConfig, Is.EqualTo(new TestConfigArguments { Scales = a.TestConfig.Scales }));
        Assert.That(a.TestConfig.Scales, Is.EqualTo(new[] { 1.0 }));
        Assert.That((a.ModelPath, a.AucRoc, a.Device, a.DataFormat), Is.EqualTo(((string?)null, false, "gpu", "NCHW")));
    }

    [Test]
    public void Predict_flags_parse()
    {
        var (cli, r) = Parse("predict", "--config", "x.yml", "--model_path", "m.safetensors", "--image_path", "images/",
            "--save_dir", "out/result", "--device", "gpu", "--device_id", "1", "--aug_pred", "--scales", "0.5", "--flip_vertical",
            "--custom_color", "255", "0", "0", "0", "255", "0");

        var a = cli.Predict.Read(r);

        Assert.Multiple(() =>
        {
            Assert.That((a.Config, a.ModelPath, a.ImagePath, a.SaveDir, a.DeviceId), Is.EqualTo(("x.yml", "m.safetensors", "images/", "out/result", 1)));
            Assert.That(a.TestConfig.Augment && a.TestConfig.FlipVertical && !a.TestConfig.FlipHorizontal, Is.True);
            Assert.That(a.TestConfig.Scales, Is.EqualTo(new[] { 0.5 }));
            Assert.That(a.CustomColor, Is.EqualTo(new[] { 255, 0, 0, 0, 255, 0 }));
        });
    }

    [Test]
    public void Predict_defaults_are_PaddleSegs()
    {
        var (cli, r) = Parse("predict", "--config", "x.yml", "--model_path", "m", "--image_path", "i");

        var a = cli.Predict.Read(r);

        Assert.That((a.SaveDir, a.Device, a.DeviceId, a.TestConfig.Augment, a.CustomColor.Count), Is.EqualTo(("./output/result", "gpu", 0, false, 0)));
    }

    [Test]
    public void The_global_plugins_option_works_before_or_after_the_subcommand()
    {
        var (cli, r) = Parse("--plugins", "first", "train", "--config", "x.yml", "--plugins", "second");

        Assert.That(cli.Train.Read(r).Plugins, Is.EqualTo(new[] { "first", "second" }));
    }
}
