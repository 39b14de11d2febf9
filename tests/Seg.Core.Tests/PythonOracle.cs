using System.Diagnostics;

namespace Seg.Core.Tests;

// Runs Debian's /usr/bin/python3 (with python3-torch) as an independent oracle.
internal static class PythonOracle
{
    internal const string Python = "/usr/bin/python3";

    /// <summary>Runs a script with tests/fixtures on sys.path; returns stdout, fails the test on a non-zero exit.</summary>
    internal static string Run(string script, params string[] args)
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
        Assert.That(p.ExitCode, Is.Zero, $"python failed:\n{stderr.Result}");
        return stdout.Result;
    }
}
