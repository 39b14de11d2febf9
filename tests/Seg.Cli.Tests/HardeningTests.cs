using Seg.Core.Building;
using Seg.Core.Registry;
using Seg.Core.Training;
using Seg.Models.Segmentation;
using Seg.Torch;

namespace Seg.Cli.Tests;

// Issue 12: wrong input is an error or a warning that names what is wrong, never a silent no-op, a stack trace or lost data.
public class HardeningTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-hardening-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    // Case 3.
    [Test]
    public void An_unknown_top_level_key_is_a_warning_with_a_suggestion_and_an_error_with_validate()
    {
        var config = MinimalConfig.Write(dir, yaml: MinimalConfig.Yaml + "\nitres: 5\n");
        var show = SegRun.Of("config", "show", "--config", config);
        var validate = SegRun.Of("config", "show", "--config", config, "--validate");

        Assert.That(show.ExitCode, Is.EqualTo(0), show.Error);
        Assert.That(show.Error, Does.Contain("warning: ").And.Contain("unknown top-level key 'itres'").And.Contain("Did you mean 'iters'?"));
        Assert.That(validate.ExitCode, Is.EqualTo(1));
        Assert.That(validate.Error.Trim(), Does.StartWith("error: ").And.Contain($"{config}:").And.Contain("unknown top-level key 'itres'").And.Contain("Did you mean 'iters'?"));
        Assert.That(validate.Error.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    // Case 4.
    [TestCase("=4", "has no key")]
    [TestCase("iters=", "has no value")]
    [TestCase(".iters=4", "has no key")]
    public void A_malformed_opts_pair_is_an_error(string item, string message)
    {
        var config = MinimalConfig.Write(dir);
        var show = SegRun.Of("config", "show", "--config", config, "--opts", item);
        Assert.That(show.ExitCode, Is.EqualTo(1));
        Assert.That(show.Error, Does.Contain($"--opts item '{item}' {message}"));
    }

    [Test]
    public void A_malformed_opts_pair_is_an_error_where_no_flag_check_runs_first()
    {
        var config = MinimalConfig.Write(dir);
        var check = SegRun.Of("data", "check", "--config", config, "--opts", "=4");
        Assert.That(check.ExitCode, Is.EqualTo(1));
        Assert.That(check.Error, Does.Contain("--opts '=4': the key '' is not a dotted path of names"));
    }

    // Case 5.
    [Test]
    public void Data_check_of_an_empty_file_list_is_a_problem()
    {
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "data", "train.txt"), "");
        var config = MinimalConfig.Write(dir, yaml: MinimalConfig.Yaml.Replace("dataset_root: data", $"dataset_root: {dir}/data", StringComparison.Ordinal)
            .Replace("train_path: data/train.txt", $"train_path: {dir}/data/train.txt", StringComparison.Ordinal));
        var check = SegRun.Of("data", "check", "--config", config);
        Assert.That(check.ExitCode, Is.EqualTo(1), check.Error);
        Assert.That(check.Output, Does.Contain($"train_dataset: no samples: the file list '{dir}/data/train.txt' lists no image"));
    }

    // Case 7.
    [Test]
    public void A_corrupt_or_truncated_weights_file_is_one_line_naming_the_file_and_debug_adds_the_stack()
    {
        var config = Path.Combine(TestPaths.RepoRoot, "configs", "stdcseg", "stdc1_seg_cityscapes_1024x512_80k.yml");
        var input = Path.Combine(dir, "in.safetensors");
        using (var t = torch.zeros([1, 3, 32, 32])) SafeTensors.Save(input, [new("input", t)]);
        var corrupt = Path.Combine(dir, "corrupt.safetensors");
        var header = "{\"a\": {\"dtype\": \"F32\"}}"u8.ToArray();
        File.WriteAllBytes(corrupt, [.. BitConverter.GetBytes((long)header.Length), .. header]);
        var truncated = Path.Combine(dir, "truncated.safetensors");
        File.WriteAllBytes(truncated, File.ReadAllBytes(input)[..100]);

        foreach (var (weights, message) in new[] { (corrupt, "is not a valid safetensors file: tensor 'a' in the header lacks dtype, shape or data_offsets"), (truncated, "is cut short") })
        {
            var run = SegRun.Of("model", "run", "--config", config, "--weights", weights, "--input", input, "--output", Path.Combine(dir, "o.safetensors"));
            Assert.That(run.ExitCode, Is.EqualTo(1));
            var errors = run.Error.Split('\n').Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal) && l.Trim().Length > 0).ToList();
            Assert.That(errors, Has.Count.EqualTo(1), run.Error);
            Assert.That(errors[0], Does.Contain(weights + " " + message));
        }
        var debug = SegRun.Of("model", "run", "--config", config, "--weights", corrupt, "--input", input, "--output", Path.Combine(dir, "o.safetensors"), "--debug");
        Assert.That(debug.ExitCode, Is.EqualTo(1));
        Assert.That(debug.Error, Does.Contain("at Seg.Torch.SafeTensors.Load"));
    }

    [Test]
    public void An_unexpected_exception_is_one_line_with_its_type()
    {
        using var error = new StringWriter();
        var code = ErrorReporting.Run(() => throw new EndOfStreamException("Unable to read beyond the end of the stream."), error);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.ToString().Trim(), Is.EqualTo("error: Unable to read beyond the end of the stream. [EndOfStreamException; --debug or SEG_DEBUG=1 shows where]"));
    }

    // Case 9 through the command line.
    [Test]
    public void Train_refuses_a_save_dir_that_is_a_file_or_held_by_another_run_and_deletes_nothing()
    {
        var config = MinimalConfig.Write(dir);
        var file = Path.Combine(dir, "output");
        File.WriteAllText(file, "precious");
        var run = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", file);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain($"--save_dir '{file}' is a file"));
        Assert.That(File.ReadAllText(file), Is.EqualTo("precious"));

        var held = Path.Combine(dir, "held");
        using (SaveDirLock.Acquire(held))
        {
            var second = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", held);
            Assert.That(second.ExitCode, Is.EqualTo(1));
            Assert.That(second.Error, Does.Contain("is in use by another training run"));
        }
        var proc = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", "/proc/seg-x");
        Assert.That(proc.Error, Does.Contain("cannot create --save_dir '/proc/seg-x'"));
    }

    // Smaller: the device warning.
    [Test]
    public void The_gpu_fallback_warning_is_said_once_per_error_stream_and_SEG_DEVICE_cpu_silences_it()
    {
        if (torch.cuda.is_available()) Assert.Ignore("CUDA is available: --device gpu uses it");
        using var error = new StringWriter();
        Commands.DeviceChoice.Resolve("gpu", "training", error);
        Commands.DeviceChoice.Resolve("gpu", "evaluating", error);
        Assert.That(error.ToString().Split('\n').Count(l => l.Contains("CUDA is not available", StringComparison.Ordinal)), Is.EqualTo(1));

        var before = Environment.GetEnvironmentVariable("SEG_DEVICE");
        Environment.SetEnvironmentVariable("SEG_DEVICE", "cpu");
        try
        {
            using var silent = new StringWriter();
            Assert.That(Commands.DeviceChoice.Resolve("gpu", "training", silent), Is.EqualTo(Device.CPU));
            Assert.That(silent.ToString(), Is.Empty);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEG_DEVICE", before);
        }
    }

    // Smaller: model run --weights takes a checkpoint folder.
    [Test]
    public void Model_run_takes_a_checkpoint_folder_as_weights()
    {
        var config = Path.Combine(TestPaths.RepoRoot, "configs", "stdcseg", "stdc1_seg_cityscapes_1024x512_80k.yml");
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(STDCSeg).Assembly);
        using var model = SegModelFactory.Build(config, registry, loadPretrained: false);
        var folder = Path.Combine(dir, "iter_10");
        Directory.CreateDirectory(folder);
        model.save(Path.Combine(folder, "model.safetensors"));
        var input = Path.Combine(dir, "in.safetensors");
        using (var t = torch.zeros([1, 3, 32, 32])) SafeTensors.Save(input, [new("input", t)]);

        var run = SegRun.Of("model", "run", "--config", config, "--weights", folder, "--input", input, "--output", Path.Combine(dir, "o.safetensors"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(File.Exists(Path.Combine(dir, "o.safetensors")), Is.True);
    }
}
