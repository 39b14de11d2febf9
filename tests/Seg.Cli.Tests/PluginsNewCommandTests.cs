using System.Text.RegularExpressions;
using Seg.Core.Tests.Plugins;

namespace Seg.Cli.Tests;

// `seg plugins new NAME --kind K`: what it writes, what it refuses, and (Slow) that every kind builds, passes its own
// test and is listed by `seg plugins` from its build output.
public class PluginsNewCommandTests
{
    private static readonly (string Kind, string Name, string ComponentKind)[] Kinds =
    [
        ("loss", "NewLoss", "Loss"),
        ("model", "NewModel", "Model"),
        ("dataset", "NewDataset", "Dataset"),
        ("transform", "NewTransform", "Transform"),
        ("backbone", "NewBackbone", "Backbone"),
    ];

    private string root = null!;

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("seg-plugins-new-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    [Test]
    public void Writes_a_project_with_one_component_its_options_a_test_and_this_segs_folder()
    {
        var dir = Path.Combine(root, "MyLoss");
        var run = SegRun.Of("plugins", "new", "MyLoss", "--kind", "loss", "--output", dir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/'));
        Assert.That(files, Is.EquivalentTo(new[]
        {
            "Directory.Build.props", "Directory.Packages.props", "MyLoss.csproj", "AssemblyInfo.cs", "MyLoss.cs", "MyLossOptions.cs", "README.md",
            "tests/MyLoss.Tests.csproj", "tests/GlobalUsings.cs", "tests/MyLossTests.cs",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(dir, "MyLoss.cs")), Does.Contain("[SegComponent(\"MyLoss\", ComponentKind.Loss)]").And.Contain("public sealed class MyLoss(MyLossOptions options) : ISegLoss"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "MyLossOptions.cs")), Does.Contain("public sealed record MyLossOptions"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "Directory.Build.props")), Does.Contain($"<SegDir Condition=\"'$(SegDir)' == ''\">{Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)}</SegDir>"));
            Assert.That(File.ReadAllText(Path.Combine(dir, "MyLoss.csproj")), Does.Contain("HintPath=\"$(SegDir)/Seg.Core.dll\" Private=\"false\""));
            Assert.That(run.Output, Does.Contain($"wrote a loss plugin 'MyLoss' in {dir}"));
        });
    }

    [Test]
    public void A_name_that_is_not_an_identifier_a_folder_with_files_and_an_unknown_kind_are_refused_in_one_line()
    {
        var badName = SegRun.Of("plugins", "new", "3-loss", "--output", Path.Combine(root, "x"));
        var taken = Path.Combine(root, "taken");
        Directory.CreateDirectory(taken);
        File.WriteAllText(Path.Combine(taken, "keep.txt"), "mine");
        var busy = SegRun.Of("plugins", "new", "MyLoss", "--output", taken);
        var badKind = SegRun.Of("plugins", "new", "MyLoss", "--kind", "optimizer", "--output", Path.Combine(root, "y"));

        Assert.Multiple(() =>
        {
            Assert.That((badName.ExitCode, badName.Error.TrimEnd()), Is.EqualTo((1, "seg plugins new: error: '3-loss' is not a C# identifier (letters, digits and _, not starting with a digit); it names the project, namespace and component")));
            Assert.That(Directory.Exists(Path.Combine(root, "x")), Is.False);
            Assert.That((busy.ExitCode, busy.Error.TrimEnd()), Is.EqualTo((1, $"seg plugins new: error: {taken} already exists and is not empty; choose another --output")));
            Assert.That(File.ReadAllText(Path.Combine(taken, "keep.txt")), Is.EqualTo("mine"));
            Assert.That(badKind.ExitCode, Is.Not.EqualTo(0));
            Assert.That(badKind.Error, Does.Contain("optimizer").And.Contain("backbone"));
        });
    }

    // One `dotnet build` of all five kinds (plugins and their test projects), one `dotnet test`, one `seg plugins`.
    [Test]
    [Category(TestCategories.Slow)]
    public void Every_kind_builds_passes_its_own_test_and_is_listed_by_seg_plugins()
    {
        foreach (var (kind, name, _) in Kinds)
            Assert.That(SegRun.Of("plugins", "new", name, "--kind", kind, "--output", Path.Combine(root, name)).ExitCode, Is.EqualTo(0));
        var solution = Path.Combine(root, "all.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(Kinds.Select(k =>
            $"  <Project Path=\"{k.Name}/{k.Name}.csproj\" />\n  <Project Path=\"{k.Name}/tests/{k.Name}.Tests.csproj\" />\n")) + "</Solution>\n");

        ExamplePluginBuild.Run("dotnet", "build", solution, "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly");
        ExamplePluginBuild.Run("dotnet", "test", solution, "-c", "Release", "--no-build", "-nologo");

        var args = new List<string> { "plugins" };
        foreach (var (_, name, _) in Kinds) args.AddRange(["--plugins", Path.Combine(root, name, "bin", "Release", "net10.0")]);
        var run = SegRun.Of([.. args]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Error, Is.Empty);
        var rows = run.Output.Split('\n').Select(l => Regex.Replace(l.TrimEnd(), " {2,}", " | ")).ToList();
        foreach (var (_, name, componentKind) in Kinds)
            Assert.That(rows, Has.Some.StartWith($"{name} | {componentKind} | {name} (plugin: {Path.Combine(root, name, "bin", "Release", "net10.0", name + ".dll")})"));
    }
}
