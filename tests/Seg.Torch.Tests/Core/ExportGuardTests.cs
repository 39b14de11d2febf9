using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Seg.Torch.Tests.Core;

// No C++ exception may cross the C ABI: every exported function must be a SEG_API whose body is
// exactly one SEG_GUARD(...). Checked against both the sources and the built library's symbol table.
public partial class ExportGuardTests
{
    private static string NativeSourceDir => Path.Combine(TestPaths.RepoRoot, "native", "src");

    [GeneratedRegex(@"SEG_API\(\s*(\w+)\s*,[^)]*\)\s*\{\s*(\S+)", RegexOptions.Singleline)]
    private static partial Regex ApiDefinition();

    [GeneratedRegex(@"SEG_API\(\s*(\w+)")]
    private static partial Regex ApiName();

    private static Dictionary<string, string> DefinitionsAndFirstToken()
    {
        var result = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(NativeSourceDir, "*.cpp"))
        {
            var text = File.ReadAllText(file);
            var names = ApiName().Matches(text).Select(m => m.Groups[1].Value).ToList();
            var defs = ApiDefinition().Matches(text).ToList();
            Assert.That(defs.Select(d => d.Groups[1].Value), Is.EqualTo(names), $"{file}: every SEG_API must be a definition with a body");
            foreach (var d in defs) result[d.Groups[1].Value] = d.Groups[2].Value;
        }
        return result;
    }

    [Test]
    public void Every_SEG_API_body_starts_with_SEG_GUARD()
    {
        var defs = DefinitionsAndFirstToken();
        Assert.That(defs, Is.Not.Empty);
        var unguarded = defs.Where(d => !d.Value.StartsWith("SEG_GUARD(", StringComparison.Ordinal)).Select(d => d.Key).ToList();
        Assert.That(unguarded, Is.Empty, "exports without SEG_GUARD");
    }

    [Test]
    public void No_export_is_declared_outside_SEG_API()
    {
        foreach (var file in Directory.GetFiles(NativeSourceDir, "*.*"))
        {
            var text = File.ReadAllText(file);
            var stripped = text.Replace("extern \"C\" __attribute__((visibility(\"default\")))", "", StringComparison.Ordinal);
            if (Path.GetFileName(file) == "seg_api.h") continue;
            Assert.That(stripped, Does.Not.Contain("extern \"C\""), $"{file} declares an export without SEG_API");
            Assert.That(stripped, Does.Not.Contain("visibility(\"default\")"), $"{file} exports a symbol without SEG_API");
        }
    }

    [Test]
    public void Every_symbol_the_library_exports_is_a_guarded_SEG_API()
    {
        var defs = DefinitionsAndFirstToken();
        var lib = TestPaths.NativeLibrary;
        var psi = new ProcessStartInfo("nm", ["-D", "--defined-only", lib]) { RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.Zero);
        var functions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 3 && f[1] == "T")
            .Select(f => f[2])
            .ToList();
        Assert.That(functions, Is.Not.Empty);
        var notApi = functions.Where(f => !defs.ContainsKey(f)).ToList();
        Assert.That(notApi, Is.Empty, "exported functions that are not SEG_API definitions");
    }
}
