using System.Reflection;
using System.Text.RegularExpressions;
using Seg.Core.Config;

namespace Seg.Cli.Tests;

// The dependency rules of ../shared/DESIGN.md ("Rules that keep the house simple"), checked on the built
// assemblies and, where reflection cannot see method bodies, on the sources.
public partial class LayeringTests
{
    private static readonly Assembly Torch = typeof(Seg.Torch.Tensor).Assembly;
    private static readonly Assembly Core = typeof(SegConfig).Assembly;
    private static readonly Assembly Models = typeof(Seg.Models.Segmentation.PPLiteSeg).Assembly;
    private static readonly Assembly Pssl = typeof(Seg.Pssl.PSSLDataset).Assembly;
    private static readonly Assembly Cli = typeof(Seg.Cli.Commands.SegCommandLine).Assembly;

    [Test]
    public void Only_Seg_Torch_declares_native_entry_points()
    {
        Assert.That(NativeEntryPoints(Torch), Is.Not.Empty, "the check itself: Seg.Torch's DllImports must be visible");
        foreach (var assembly in new[] { Core, Models, Pssl, Cli })
            Assert.That(NativeEntryPoints(assembly), Is.Empty, $"{assembly.GetName().Name} declares P/Invoke methods; only Seg.Torch may");
    }

    [Test]
    public void Seg_Core_references_neither_models_nor_pssl()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.That(references, Does.Contain("Seg.Torch"));
        Assert.That(references, Does.Not.Contain("Seg.Models").And.Not.Contain("Seg.Pssl").And.Not.Contain("seg"));
    }

    [Test]
    public void Seg_Torch_references_no_other_seg_project()
    {
        var references = Torch.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.That(references.Where(n => n.StartsWith("Seg.", StringComparison.Ordinal) || n == "seg"), Is.Empty);
    }

    [TestCase("Config")]
    [TestCase("Registry")]
    public void Config_and_registry_do_not_use_tensors(string folder)
    {
        var ns = "Seg.Core." + folder;
        var types = Core.GetTypes().Where(t => t.Namespace == ns).ToList();
        Assert.That(types, Is.Not.Empty, "the check itself: " + ns + " has types");
        foreach (var type in types)
            Assert.That(SignatureTypes(type).Where(t => t.Assembly == Torch).Select(t => $"{type.Name}: {t.Name}"), Is.Empty,
                $"{ns} must not expose Seg.Torch types");

        var sources = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", "Seg.Core", folder), "*.cs", SearchOption.AllDirectories);
        Assert.That(sources, Is.Not.Empty);
        foreach (var file in sources)
            Assert.That(TorchUse().IsMatch(File.ReadAllText(file)), Is.False, $"{file} uses Seg.Torch (tensors); Config and Registry stay tensor-free");
    }

    // One path per job: every command reads its config through ConfigLoader (checker, registry validation), never
    // SegConfig.Load directly, so no command skips a check that the others make.
    [Test]
    public void Only_ConfigLoader_reads_configs_in_src()
    {
        var loader = Path.Combine(TestPaths.RepoRoot, "src", "Seg.Core", "Config", "ConfigLoader.cs");
        Assert.That(File.ReadAllText(loader), Does.Contain("SegConfig.Load("), "the check itself: the loader calls SegConfig.Load");
        var direct = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f != loader && File.ReadAllText(f).Contains("SegConfig.Load(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestPaths.RepoRoot, f));
        Assert.That(direct, Is.Empty, "these read configs without ConfigLoader.Load");
    }

    [Test]
    public void Nothing_in_src_references_the_plugins_folder()
    {
        foreach (var project in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories))
            Assert.That(File.ReadAllText(project), Does.Not.Contain("plugins/").And.Not.Contain("plugins\\"), project);
    }

    private static List<MethodInfo> NativeEntryPoints(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0)
            .ToList();

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var p in type.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters()) yield return p.ParameterType;
        }
        foreach (var c in type.GetConstructors(all))
            foreach (var p in c.GetParameters()) yield return p.ParameterType;
    }

    [GeneratedRegex(@"\busing\s+Seg\.Torch\b|\bSeg\.Torch\.|\bTensor\b|\btorch\.")]
    private static partial Regex TorchUse();
}
