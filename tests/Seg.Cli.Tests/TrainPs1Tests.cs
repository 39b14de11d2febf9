using System.Diagnostics;

namespace Seg.Cli.Tests;

// train.ps1 through PowerShell (the .NET global tool that scripts/bootstrap.sh --with-test-deps installs), driving this build's seg.
[NonParallelizable]
public class TrainPs1Tests
{
    private string dir = "";

    [SetUp]
    public void SetUp()
    {
        dir = Path.Combine(Path.GetTempPath(), $"seg-ps1-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    private static string Pwsh()
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "pwsh");
        if (File.Exists(tool)) return tool;
        foreach (var p in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(p, "pwsh"))) return Path.Combine(p, "pwsh");
        throw new FileNotFoundException("pwsh not found: run scripts/bootstrap.sh --with-test-deps (dotnet tool install --global PowerShell --version 7.6.10)");
    }

    private static (int Code, string Output) RunPwsh(string command)
    {
        var start = new ProcessStartInfo(Pwsh(), ["-NoProfile", "-NonInteractive", "-Command", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.RepoRoot,
        };
        start.Environment["SEG_EXE"] = Path.Combine(AppContext.BaseDirectory, "seg");
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        Assert.That(p.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "train.ps1 did not finish");
        return (p.ExitCode, stdout + stderr.Result);
    }

    [Test]
    public void Get_Help_describes_the_parameters()
    {
        var (code, output) = RunPwsh("Get-Help ./train.ps1 -Full | Out-String -Width 200");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("SYNOPSIS").And.Contain("-NprocPerNode").And.Contain("-Gpus").And.Contain("workerlog.N"));
    }

    [Test]
    public void Drives_a_two_process_cpu_run_end_to_end()
    {
        var config = TinyData.Config(dir);
        var save = Path.Combine(dir, "out");
        var log = Path.Combine(dir, "log");
        var (code, output) = RunPwsh($"./train.ps1 -Config '{config}' -NprocPerNode 2 -SaveDir '{save}' -- --device cpu --iters 2 --log_iters 1 --seed 2 --log_dir '{log}'; exit $LASTEXITCODE");
        Assert.That(code, Is.EqualTo(0), output);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("iter: 2/2"));
            Assert.That(File.ReadAllText(Path.Combine(log, "workerlog.1")), Does.Contain("rank 1/2"));
            Assert.That(File.Exists(Path.Combine(save, "iter_2", "model.safetensors")), Is.True);
        });
    }

    [Test]
    public void A_missing_config_is_a_clear_error()
    {
        var (code, output) = RunPwsh($"./train.ps1 -Config '{Path.Combine(dir, "nope.yml")}'; exit $LASTEXITCODE");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(output, Does.Contain("does not exist"));
    }
}
