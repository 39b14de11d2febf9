using System.Diagnostics;
using System.Text;
using Seg.Core.Checkpoints;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Cli.Tests;

// Issue 12, case 6: the real `seg` executable in a child process, stopped by SIGINT (Ctrl-C) or SIGTERM at a moment
// picked at random or during an evaluation: exit 130, no stack trace, only complete checkpoints, no lock left behind,
// and the last checkpoint resumes.
public class StopSignalTests
{
    private string dir = "";

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-signal-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "seg");

    private string Config()
    {
        using (var scope = torch.NewDisposeScope())
        {
            torch.manual_seed(5);
            Directory.CreateDirectory(Path.Combine(dir, "img"));
            var lines = new List<string>();
            for (var i = 0; i < 24; i++)
            {
                var image = torch.randint(0, 256, [48, 48, 3], ScalarType.Byte);
                ImageIO.write_png(image, Path.Combine(dir, "img", $"{i}.png"));
                ImageIO.write_png(image.select(2, 1).gt(127).to(ScalarType.Byte), Path.Combine(dir, "img", $"{i}_l.png"));
                lines.Add($"img/{i}.png img/{i}_l.png");
            }
            File.WriteAllLines(Path.Combine(dir, "train.txt"), lines.Take(4));
            File.WriteAllLines(Path.Combine(dir, "val.txt"), lines);
        }
        var yaml = $"""
            batch_size: 2
            iters: 100000
            train_dataset:
              type: Dataset
              dataset_root: {dir}
              train_path: {Path.Combine(dir, "train.txt")}
              num_classes: 2
              mode: train
              transforms:
                - type: Normalize
            val_dataset:
              type: Dataset
              dataset_root: {dir}
              val_path: {Path.Combine(dir, "val.txt")}
              num_classes: 2
              mode: val
              transforms:
                - type: Normalize
            model:
              type: PPLiteSeg
              num_classes: 2
              backbone:
                type: STDC1
              arm_out_chs: [8, 16, 16]
              seg_head_inter_chs: [8, 8, 8]
            optimizer:
              type: SGD
              momentum: 0.9
            lr_scheduler:
              type: PolynomialDecay
              learning_rate: 0.01
            loss:
              types:
                - type: CrossEntropyLoss
              coef: [1, 1, 1]
            """;
        return MinimalConfig.Write(dir, "signal.yml", yaml);
    }

    // trigger: a line of stdout to wait for before signalling (then a random delay of up to `jitterMs`).
    [TestCase("INT", "Start evaluating", 0)]
    [TestCase("TERM", "Start evaluating", 0)]
    [TestCase("TERM", "[TRAIN]", 1500)]
    [TestCase("INT", "", 4000)]
    public void A_signal_at_any_moment_saves_a_resumable_checkpoint_and_exits_130(string signal, string trigger, int jitterMs)
    {
        if (!File.Exists(Executable)) Assert.Ignore($"{Executable} is not built");
        var config = Config();
        var save = Path.Combine(dir, "out");
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "train", "--config", config, "--device", "cpu", "--save_dir", save, "--do_eval", "--save_interval", "3", "--log_iters", "1", "--seed", "1" })
            info.ArgumentList.Add(a);
        using var child = Process.Start(info)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var triggered = new ManualResetEventSlim(trigger.Length == 0);
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (trigger.Length > 0 && e.Data.Contains(trigger, StringComparison.Ordinal)) triggered.Set();
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.AppendLine(e.Data);
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            Assert.That(triggered.Wait(TimeSpan.FromMinutes(3)), Is.True, $"never saw '{trigger}': {output}{error}");
            Thread.Sleep(TestContext.CurrentContext.Random.Next(0, jitterMs + 1));
            using (var kill = Process.Start("kill", ["-s", signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
            Assert.That(child.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "the run did not stop");
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        }
        child.WaitForExit();
        var log = $"{output}\n--- stderr ---\n{error}";
        Assert.That(child.ExitCode, Is.EqualTo(130), log);
        Assert.That(error.ToString(), Does.Not.Contain("Unhandled exception").And.Not.Contain("   at "), log);
        Assert.That(File.Exists(Path.Combine(save, SaveDirLock.FileName)), Is.False, "the lock is released");

        var checkpoints = Directory.Exists(save)
            ? Directory.GetDirectories(save, "iter_*").OrderBy(d => int.Parse(Path.GetFileName(d)[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];
        foreach (var c in checkpoints) CheckpointStore.Check(c);
        if (trigger.Length > 0) Assert.That(checkpoints, Is.Not.Empty, log);
        if (checkpoints.Count == 0) return; // stopped while loading: nothing to save, nothing to resume
        var last = checkpoints[^1];
        var at = CheckpointStore.ReadState(last).Iteration;
        Assert.That(output.ToString(), Does.Contain($"Continue with --resume_model {last}"), log);
        var resumed = SegRun.Of("train", "--config", config, "--device", "cpu", "--save_dir", save, "--resume_model", last, "--iters", (at + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "--save_interval", "1000");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error + resumed.Output);
        Assert.That(resumed.Output, Does.Contain($"Resumed from {last} at iter {at}"));
    }
}
