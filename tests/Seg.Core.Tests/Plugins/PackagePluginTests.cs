using System.Runtime.Loader;
using Seg.Core.Plugins;
using Seg.Core.Registry;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Plugins;

// A plugin that depends on a NuGet package Seg does not use (tests/plugins/Seg.Plugins.PackageUser, Pluralize.NET),
// built with `dotnet build` and copied into a fresh folder: the package resolves from the plugin's folder through its
// .deps.json. Without the package DLL, or built against another Seg, the plugin is reported in one line that says what to do.
public class PackagePluginTests
{
    private const string Name = "Seg.Plugins.PackageUser";
    private string root = null!;
    private string pluginDir = null!;

    [OneTimeSetUp]
    public void Build()
    {
        root = Directory.CreateTempSubdirectory("seg-package-plugin-").FullName;
        pluginDir = ExamplePluginBuild.BuildInto(Path.Combine(TestPaths.RepoRoot, "tests", "plugins", Name), Name, Path.Combine(root, "plugins"));
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Test]
    public void The_plugins_own_package_is_resolved_from_its_folder()
    {
        Assert.That(File.Exists(Path.Combine(pluginDir, "Pluralize.NET.dll")), "the build output carries the package");
        Assert.That(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name), Does.Not.Contain("Pluralize.NET"), "Seg itself must not have the package");

        var catalog = PluginLoader.Load(new PluginLoadOptions { AppDirectory = Path.Combine(root, "app"), PluginDirectories = [Path.Combine(root, "plugins")] });

        Assert.That(catalog.Failures, Is.Empty);
        var component = catalog.Registry.Build<object>(M(1, ("type", S("PluralName", 1)), ("word", S("mouse", 2))), ComponentKind.Transform, "transforms[0]");
        var type = component.GetType();
        var package = (System.Reflection.Assembly)type.GetProperty("PackageAssembly")!.GetValue(null)!;
        Assert.Multiple(() =>
        {
            Assert.That(type.GetProperty("Plural")!.GetValue(component), Is.EqualTo("mice"), "the package's own rules ran");
            Assert.That(package.Location, Is.EqualTo(Path.Combine(pluginDir, "Pluralize.NET.dll")));
            Assert.That(AssemblyLoadContext.GetLoadContext(package), Is.SameAs(AssemblyLoadContext.GetLoadContext(type.Assembly)));
            Assert.That(AssemblyLoadContext.GetLoadContext(package), Is.Not.SameAs(AssemblyLoadContext.Default));
        });
    }

    [Test]
    public void A_plugin_folder_without_the_package_is_one_line_naming_the_plugin_and_what_to_copy()
    {
        var incomplete = Path.Combine(root, "incomplete", Name);
        Directory.CreateDirectory(incomplete);
        foreach (var file in Directory.GetFiles(pluginDir).Where(f => Path.GetFileName(f) != "Pluralize.NET.dll"))
            File.Copy(file, Path.Combine(incomplete, Path.GetFileName(file)));
        PluginCompiler.Compile(Path.Combine(root, "incomplete", "Other"), "PluginOther", PluginCompiler.LossPlugin("OtherLoss"));

        var catalog = PluginLoader.Load(new PluginLoadOptions { AppDirectory = Path.Combine(root, "app"), PluginDirectories = [Path.Combine(root, "incomplete")] });

        var failure = catalog.Failures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.Path, Is.EqualTo(Path.Combine(incomplete, Name + ".dll")));
            Assert.That(failure.ToString(), Does.Not.Contain('\n'));
            Assert.That(failure.Reason, Does.StartWith("it needs Pluralize.NET ").And.Contain($"neither in its folder {incomplete} nor part of Seg").And.Contain("copy the plugin's whole build output"));
            Assert.That(catalog.Registry.Find(ComponentKind.Loss, "OtherLoss"), Is.Not.Null, "the other plugins still load");
            Assert.That(catalog.Registry.Find(ComponentKind.Transform, "PluralName"), Is.Null);
        });
    }

    [Test]
    public void A_plugin_built_against_another_Seg_version_is_one_line_saying_rebuild()
    {
        // A stand-in Seg.Core of another version with the marker attribute, and a plugin compiled against it.
        var otherSeg = PluginCompiler.Compile(Path.Combine(root, "other-seg"), "Seg.Core", """
            [assembly: System.Reflection.AssemblyVersion("9.9.9.9")]
            namespace Seg.Core.Registry;
            [System.AttributeUsage(System.AttributeTargets.Assembly)]
            public sealed class SegComponentAssemblyAttribute : System.Attribute;
            """);
        var plugin = PluginCompiler.Compile(Path.Combine(root, "old", "Old"), "PluginOld", """
            [assembly: Seg.Core.Registry.SegComponentAssembly]
            public static class Nothing;
            """, otherSeg);

        var catalog = PluginLoader.Load(new PluginLoadOptions { AppDirectory = Path.Combine(root, "app"), PluginDirectories = [Path.Combine(root, "old")] });

        var failure = catalog.Failures.Single();
        var ours = typeof(ComponentRegistry).Assembly.GetName().Version;
        Assert.That(failure.Path, Is.EqualTo(plugin));
        Assert.That(failure.Reason, Does.StartWith($"it was built against Seg.Core 9.9.9.9, but this seg has {ours}: rebuild the plugin against this Seg"));
    }
}
