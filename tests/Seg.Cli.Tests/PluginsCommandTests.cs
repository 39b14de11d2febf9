using Seg.Core.Tests.Plugins;

namespace Seg.Cli.Tests;

// `seg plugins --plugins DIR` with the example plugin built from source into a fresh folder.
public class PluginsCommandTests
{
    private string root = null!;
    private string pluginDir = null!;

    [OneTimeSetUp]
    public void Build()
    {
        root = Directory.CreateTempSubdirectory("seg-cli-plugins-").FullName;
        pluginDir = ExamplePluginBuild.BuildInto(TestPaths.RepoRoot, Path.Combine(root, "plugins"));
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(root, recursive: true);

    [Test]
    public void Lists_the_plugin_component_with_kind_and_assembly()
    {
        var run = SegRun.Of("plugins", "--plugins", Path.Combine(root, "plugins"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var dll = Path.Combine(pluginDir, ExamplePluginBuild.AssemblyName + ".dll");
        Assert.That(run.Output, Does.StartWith("NAME"));
        Assert.That(run.Output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), " {2,}", " | ")),
            Does.Contain($"SoftDiceLoss | Loss | Seg.Plugins.Example (plugin: {dll})"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void A_broken_plugin_is_a_warning_naming_its_path_and_the_rest_is_listed()
    {
        var broken = Path.Combine(root, "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "Broken.dll"), "not an assembly");

        var run = SegRun.Of("plugins", "--plugins", Path.Combine(root, "plugins"), "--plugins", broken);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Error, Does.StartWith($"warning: plugin {Path.Combine(broken, "Broken.dll")} was not loaded: not a .NET assembly"));
        Assert.That(run.Output, Does.Contain("SoftDiceLoss"));
    }

    [Test]
    public void The_same_plugin_in_two_folders_is_a_duplicate_error_naming_both()
    {
        var copy = Path.Combine(root, "copy");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(pluginDir)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)), overwrite: true);

        var run = SegRun.Of("plugins", "--plugins", Path.Combine(root, "plugins"), "--plugins", copy);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: Loss 'SoftDiceLoss' is registered twice"));
        Assert.That(run.Error, Does.Contain(Path.Combine(pluginDir, "Seg.Plugins.Example.dll")).And.Contain(Path.Combine(copy, "Seg.Plugins.Example.dll")));
    }

    [Test]
    public void SEG_PLUGINS_is_read_too()
    {
        var before = Environment.GetEnvironmentVariable("SEG_PLUGINS");
        Environment.SetEnvironmentVariable("SEG_PLUGINS", Path.Combine(root, "plugins"));
        try
        {
            Assert.That(SegRun.Of("plugins").Output, Does.Contain("SoftDiceLoss"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEG_PLUGINS", before);
        }
    }

    // Issue 12: the checkout's plugins/ (SEG_HOME, set by the seg launcher) is scanned, and `seg plugins` says where it looked.
    [Test]
    public void The_checkouts_plugins_folder_is_scanned_and_listed()
    {
        var before = Environment.GetEnvironmentVariable("SEG_HOME");
        Environment.SetEnvironmentVariable("SEG_HOME", root);
        try
        {
            var run = SegRun.Of("plugins");
            Assert.That(run.Output, Does.Contain("SoftDiceLoss"));
            Assert.That(run.Output, Does.Contain("plugin folders searched").And.Contain($"  {Path.Combine(root, "plugins")} ("));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SEG_HOME", before);
        }
        Assert.That(SegRun.Of("plugins").Output, Does.Not.Contain("SoftDiceLoss"), "without SEG_HOME the folder is not searched");
    }
}
