using System.Diagnostics;

namespace Seg.TestSupport;

// Runs Debian's /usr/bin/python3 (with python3-torch) as an independent oracle.
public static class PythonOracle
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a script with tests/fixtures on sys.path; returns stdout, throws (failing the test) on a non-zero exit.</summary>
    public static string Run(string script, params string[] args) =>
        Launch(["-c", "import sys; sys.path.insert(0, sys.argv[1]); sys.argv = sys.argv[1:]\n" + script, TestPaths.Fixtures, .. args], workingDirectory: null);

    /// <summary>Runs the file <paramref name="script"/> of tests/fixtures (with tests/fixtures as working folder); returns stdout, throws on a non-zero exit.</summary>
    public static string RunFile(string script, params string[] args) => Launch([Path.Combine(TestPaths.Fixtures, script), .. args], TestPaths.Fixtures);

    private static string Launch(IEnumerable<string> arguments, string? workingDirectory)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"python failed (exit {p.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
