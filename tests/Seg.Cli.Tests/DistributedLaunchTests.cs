using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Seg.Cli.Tests;

// `seg train --nproc_per_node 2` end to end on 127.0.0.1: two worker processes (this build's seg.dll), Gloo.
[NonParallelizable]
public partial class DistributedLaunchTests
{
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), $"seg-dist-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [GeneratedRegex(@"rank 1/2 \(local 1, pid (\d+)\)")]
    private static partial Regex Rank1Pid();

    private string[] Train(int iters, params string[] extra) =>
    [
        "train", "--config", TinyData.Config(dir), "--device", "cpu", "--save_dir", Path.Combine(dir, "out"), "--log_dir", Path.Combine(dir, "log"),
        "--nproc_per_node", "2", "--iters", iters.ToString(CultureInfo.InvariantCulture), "--log_iters", "1", "--seed", "4", .. extra,
    ];

    [Test]
    public void Two_workers_train_only_rank_0_logs_and_saves_and_a_resume_continues()
    {
        var run = SegRun.Of(Train(2, "--save_interval", "2"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error + run.Output);
        var log0 = File.ReadAllText(Path.Combine(dir, "log", "workerlog.0"));
        var log1 = File.ReadAllText(Path.Combine(dir, "log", "workerlog.1"));
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("iter: 2/2"), "rank 0 also on the console");
            Assert.That(log0, Does.Contain("iter: 2/2"));
            Assert.That(log1, Does.Contain("rank 1/2").And.Not.Contain("[TRAIN]"), "only rank 0 logs");
            Assert.That(Directory.Exists(Path.Combine(dir, "out", "iter_2")), Is.True);
        });

        var resumed = SegRun.Of(Train(3, "--resume_model", Path.Combine(dir, "out", "iter_2")));
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error + resumed.Output);
        Assert.That(resumed.Output, Does.Contain("Resumed from").And.Contain("iter: 3/3").And.Not.Contain("iter: 1/3"));
        Assert.That(Directory.Exists(Path.Combine(dir, "out", "iter_3")), Is.True);
    }

    [Test]
    public void A_killed_worker_ends_the_run_naming_its_rank_with_its_exit_code_and_leaves_no_worker_behind()
    {
        var args = Train(500);
        var launcher = Task.Factory.StartNew(() => SegRun.Of(args), TaskCreationOptions.LongRunning);
        var log0 = Path.Combine(dir, "log", "workerlog.0");
        var log1 = Path.Combine(dir, "log", "workerlog.1");
        var started = Stopwatch.StartNew();
        while (!(File.Exists(log0) && Read(log0).Contains("iter: 1/500", StringComparison.Ordinal)))
        {
            Assert.That(launcher.IsCompleted, Is.False, () => launcher.Result.Error);
            Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromMinutes(4)), "the workers never started training");
            Thread.Sleep(200);
        }
        var pid = int.Parse(Rank1Pid().Match(Read(log1)).Groups[1].Value, CultureInfo.InvariantCulture);
        var rank0Pid = int.Parse(Regex.Match(Read(log0), @"rank 0/2 \(local 0, pid (\d+)\)").Groups[1].Value, CultureInfo.InvariantCulture);
        using (var victim = Process.GetProcessById(pid)) victim.Kill();
        var killed = Stopwatch.StartNew();
        Assert.That(launcher.Wait(TimeSpan.FromSeconds(90)), Is.True, "the launcher must end after a worker died");
        var took = killed.Elapsed;
        TestContext.Out.WriteLine($"launcher exited {took.TotalSeconds:F1} s after rank 1 was killed");
        var run = launcher.Result;
        Assert.Multiple(() =>
        {
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(60)));
            Assert.That(run.ExitCode, Is.EqualTo(137), run.Error);
            Assert.That(run.Error, Does.Contain($"rank 1 (pid {pid}) failed with exit code 137 (killed by signal 9, SIGKILL)"));
            Assert.That(Alive(rank0Pid), Is.False, "rank 0 must not outlive the run");
        });
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Read(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
