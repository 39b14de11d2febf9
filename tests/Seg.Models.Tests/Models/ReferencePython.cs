using System.Diagnostics;

namespace Seg.Models.Tests.Models;

// Runs a script of tests/fixtures with Debian's /usr/bin/python3 (python3-torch), the independent oracle.
internal static class ReferencePython
{
    internal const string Python = "/usr/bin/python3";

    internal static void RunScript(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestPaths.Fixtures,
        };
        psi.ArgumentList.Add(Path.Combine(TestPaths.Fixtures, script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero, () => $"{script} failed:\n{stdout.Result}\n{stderr.Result}");
    }
}
