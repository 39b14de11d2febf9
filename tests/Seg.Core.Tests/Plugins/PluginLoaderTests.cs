using System.Runtime.Loader;
using Seg.Core.Config;
using Seg.Core.Plugins;
using Seg.Core.Registry;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Plugins;

public class PluginLoaderTests
{
    private string root = null!;

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("seg-plugins-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    private static string Dep(string dir, string version) => PluginCompiler.Compile(dir, "PrivateDep", $$"""
        [assembly: System.Reflection.AssemblyVersion("{{version}}")]
        public interface IDepMarker;
        public static class Dep { public static string Version => "{{version}}"; }
        """);

    private ComponentCatalog LoadFrom(params string[] dirs) =>
        PluginLoader.Load(new PluginLoadOptions { AppDirectory = Path.Combine(root, "app"), PluginDirectories = dirs });

    [Test]
    public void Each_plugin_gets_its_own_version_of_a_private_dependency_and_the_hosts_Seg_Core()
    {
        var plugins = Path.Combine(root, "plugins");
        var depA = Dep(Path.Combine(plugins, "A"), "1.0.0.0");
        var depB = Dep(Path.Combine(plugins, "B"), "2.0.0.0");
        PluginCompiler.Compile(Path.Combine(plugins, "A"), "PluginA", PluginCompiler.LossPlugin("LossA", "Dep.Version"), depA);
        PluginCompiler.Compile(Path.Combine(plugins, "B"), "PluginB", PluginCompiler.LossPlugin("LossB", "Dep.Version"), depB);
        // A stale copy of Seg.Core next to a plugin must not be loaded: plugin types must see the host's.
        File.Copy(typeof(ConfigMap).Assembly.Location, Path.Combine(plugins, "A", "Seg.Core.dll"));

        var catalog = LoadFrom(plugins);

        Assert.That(catalog.Failures, Is.Empty);
        Assert.That(catalog.Assemblies.Where(a => a.IsPlugin).Select(a => Path.GetFileName(a.Path)), Is.EqualTo(new[] { "PluginA.dll", "PluginB.dll" }));
        var a = catalog.Registry.Build<object>(M(1, ("type", S("LossA", 1)), ("extra", M(2))), ComponentKind.Loss, "loss.types[0]");
        var b = catalog.Registry.Build<object>(M(1, ("type", S("LossB", 1))), ComponentKind.Loss, "loss.types[1]");
        Assert.Multiple(() =>
        {
            Assert.That(Describe(a), Is.EqualTo("1.0.0.0"));
            Assert.That(Describe(b), Is.EqualTo("2.0.0.0"));
            Assert.That(AssemblyLoadContext.GetLoadContext(a.GetType().Assembly), Is.Not.SameAs(AssemblyLoadContext.GetLoadContext(b.GetType().Assembly)));
            Assert.That(AssemblyLoadContext.GetLoadContext(a.GetType().Assembly), Is.Not.SameAs(AssemblyLoadContext.Default));
            Assert.That(catalog.Registry.Find(ComponentKind.Loss, "LossA")!.OptionsType.GetProperty("Extra")!.PropertyType, Is.EqualTo(typeof(ConfigMap)));
        });
    }

    [Test]
    public void Broken_plugins_are_reported_by_path_and_the_rest_still_loads()
    {
        var plugins = Path.Combine(root, "plugins");
        var garbage = Path.Combine(plugins, "Garbage.dll");
        Directory.CreateDirectory(plugins);
        File.WriteAllText(garbage, "this is not an assembly");
        // A plugin whose component implements an interface from a dependency that is not shipped.
        var dep = Dep(Path.Combine(root, "elsewhere"), "1.0.0.0");
        var missingDep = PluginCompiler.Compile(Path.Combine(plugins, "C"), "PluginC", PluginCompiler.LossPlugin("LossC", extraBase: " : IDepMarker"), dep);
        var badShape = PluginCompiler.Compile(Path.Combine(plugins, "D"), "PluginD", """
            using Seg.Core.Registry;
            [assembly: SegComponentAssembly]
            [SegComponent("NoOptions", ComponentKind.Loss)]
            public sealed class NoOptions(int size) { public int Size => size; }
            """);
        PluginCompiler.Compile(Path.Combine(plugins, "E"), "PluginE", PluginCompiler.LossPlugin("LossE"));

        var catalog = LoadFrom(plugins);

        var failures = catalog.Failures.ToDictionary(f => f.Path, f => f.Reason);
        Assert.That(failures.Keys, Is.EquivalentTo(new[] { garbage, missingDep, badShape }));
        Assert.Multiple(() =>
        {
            Assert.That(failures[garbage], Does.StartWith("not a .NET assembly"));
            Assert.That(failures[missingDep], Does.Contain("PrivateDep"));
            Assert.That(failures[badShape], Does.Contain("NoOptions").And.Contain("needs a public constructor taking one options object"));
            Assert.That(catalog.Registry.Find(ComponentKind.Loss, "LossE"), Is.Not.Null);
            Assert.That(catalog.Failures[0].ToString(), Does.StartWith("plugin /"));
        });
    }

    [Test]
    public void The_same_component_in_two_assemblies_is_an_error_naming_both()
    {
        var one = PluginCompiler.Compile(Path.Combine(root, "one"), "PluginOne", PluginCompiler.LossPlugin("SameLoss"));
        var two = PluginCompiler.Compile(Path.Combine(root, "two"), "PluginTwo", PluginCompiler.LossPlugin("SameLoss"));

        var e = Assert.Throws<DuplicateComponentException>(() => LoadFrom(Path.Combine(root, "one"), Path.Combine(root, "two")))!;

        Assert.That(e.Message, Does.StartWith("Loss 'SameLoss' is registered twice"));
        Assert.That(e.Message, Does.Contain($"assembly PluginOne ({one})").And.Contain($"assembly PluginTwo ({two})"));
    }

    [Test]
    public void Folders_come_from_the_app_plugins_folder_the_command_line_and_SEG_PLUGINS()
    {
        var app = Path.Combine(root, "app");
        PluginCompiler.Compile(Path.Combine(app, "plugins", "X"), "PluginX", PluginCompiler.LossPlugin("LossX"));
        PluginCompiler.Compile(Path.Combine(root, "cli"), "PluginY", PluginCompiler.LossPlugin("LossY"));
        PluginCompiler.Compile(Path.Combine(root, "env1"), "PluginZ", PluginCompiler.LossPlugin("LossZ"));
        var missing = Path.Combine(root, "missing");

        var catalog = PluginLoader.Load(new PluginLoadOptions
        {
            AppDirectory = app,
            PluginDirectories = [Path.Combine(root, "cli")],
            EnvironmentValue = string.Join(Path.PathSeparator, Path.Combine(root, "env1"), missing),
        });

        Assert.That(catalog.Registry.All.Select(r => r.Name), Is.EquivalentTo(new[] { "LossX", "LossY", "LossZ" }));
        Assert.That(catalog.Failures, Is.EqualTo(new[] { new PluginFailure(missing, "the plugin folder does not exist") }));
    }

    [Test]
    public void Built_in_assemblies_next_to_the_executable_are_found_by_their_marker()
    {
        var app = Path.Combine(root, "app");
        var name = "Seg.Builtin" + Guid.NewGuid().ToString("N");
        PluginCompiler.Compile(app, name, PluginCompiler.LossPlugin("BuiltinLoss"));
        PluginCompiler.Compile(app, "NotAComponentAssembly", "public static class Helper { }");

        var catalog = PluginLoader.Load(new PluginLoadOptions { AppDirectory = app });

        Assert.That(catalog.Failures, Is.Empty);
        var builtIn = catalog.Assemblies.Single();
        Assert.That((builtIn.Assembly.GetName().Name, builtIn.IsPlugin), Is.EqualTo((name, false)));
        Assert.That(AssemblyLoadContext.GetLoadContext(builtIn.Assembly), Is.SameAs(AssemblyLoadContext.Default));
        Assert.That(builtIn.Components.Single().Name, Is.EqualTo("BuiltinLoss"));
    }

    [Test]
    public void The_real_app_folder_scan_finds_Seg_Core_as_a_built_in()
    {
        var catalog = PluginLoader.Load(new PluginLoadOptions());

        Assert.That(catalog.Assemblies.Where(a => !a.IsPlugin).Select(a => a.Assembly), Does.Contain(typeof(ComponentRegistry).Assembly));
        Assert.That(catalog.Failures, Is.Empty);
    }

    private static string Describe(object component) => (string)component.GetType().GetMethod("Describe")!.Invoke(component, null)!;
}
