using System.Diagnostics;

namespace Seg.Reports.Tests.Report;

// Debian's chromium (installed by scripts/bootstrap.sh --with-test-deps) in headless mode: the DOM after loading a
// page, and a screenshot of it.
internal static class HeadlessChromium
{
    internal static string? Executable =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    internal static string DumpDom(string htmlPath, string profileDir) => Run(htmlPath, profileDir, "--dump-dom");

    internal static void Screenshot(string htmlPath, string profileDir, string pngPath, int width, int height) =>
        Run(htmlPath, profileDir, $"--screenshot={pngPath}", $"--window-size={width},{height}", "--hide-scrollbars");

    private static string Run(string htmlPath, string profileDir, params string[] extra)
    {
        var psi = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("chromium is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-sandbox: tests run as root in CI, where Chromium's sandbox refuses to start.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profileDir}" }) psi.ArgumentList.Add(a);
        foreach (var a in extra) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s");
        }
        if (p.ExitCode != 0) throw new InvalidOperationException($"chromium failed (exit {p.ExitCode}):\n{stderr.Result}");
        return stdout.Result;
    }
}
