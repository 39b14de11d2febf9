using System.Diagnostics;

namespace Seg.TestSupport;

// Runs Debian's /usr/bin/python3 (with python3-torch) as an independent oracle.
public static class PythonOracle
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a script with tests/fixtures on sys.path; returns stdout, throws (failing the test) on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import sys; sys.path.insert(0, sys.argv[1]); sys.argv = sys.argv[1:]\n" + script);
        psi.ArgumentList.Add(TestPaths.Fixtures);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"python failed (exit {p.ExitCode}):\n{stderr.Result}");
        return stdout.Result;
    }
}
