using Seg.Core.Config;
using Seg.Core.Plugins;
using Seg.Core.Registry;
using Seg.Torch;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Plugins;

// End to end: the example plugin, built on its own, dropped into a fresh folder, found by the loader,
// built by its `type:` from a config and used on tensors (against PaddleSeg's DiceLoss in PyTorch).
public class ExamplePluginTests
{
    private string folder = null!;
    private ComponentCatalog catalog = null!;

    [OneTimeSetUp]
    public void BuildAndLoad()
    {
        folder = Directory.CreateTempSubdirectory("seg-example-plugin-").FullName;
        ExamplePluginBuild.BuildInto(TestPaths.RepoRoot, folder);
        catalog = PluginLoader.Load(new PluginLoadOptions { PluginDirectories = [folder] });
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(folder, recursive: true);

    [Test]
    public void The_plugin_loads_from_a_fresh_folder_in_its_own_context()
    {
        Assert.That(catalog.Failures, Is.Empty);
        var plugin = catalog.Assemblies.Single(a => a.IsPlugin);
        Assert.That(plugin.Path, Is.EqualTo(Path.Combine(folder, ExamplePluginBuild.AssemblyName, ExamplePluginBuild.AssemblyName + ".dll")));
        Assert.That(plugin.Components.Select(c => (c.Name, c.Kind)), Is.EqualTo(new[] { ("SoftDiceLoss", ComponentKind.Loss) }));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(plugin.Path)!).Select(Path.GetFileName), Has.None.StartWith("Seg.Core").And.None.StartWith("Seg.Torch"),
            "the plugin must not ship copies of Seg.Core/Seg.Torch");
    }

    [TestCase(null, "loss_default")]
    [TestCase("weighted", "loss_weighted")]
    public void SoftDiceLoss_built_from_config_matches_PaddleSeg_DiceLoss(string? variant, string expectedKey)
    {
        var config = variant == null
            ? M(10, ("type", S("SoftDiceLoss", 10)))
            : M(10, ("type", S("SoftDiceLoss", 10)), ("weight", L(11, S(0.2, 11), S(0.3, 11), S(0.5, 11))), ("smooth", S(0.5, 12)), ("ignore_index", S(255L, 13)));
        var loss = catalog.Registry.Build<object>(config, ComponentKind.Loss, "loss.types[0]");

        using var scope = torch.NewDisposeScope();
        using var fixture = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "registry", "dice.safetensors"));
        var forward = loss.GetType().GetMethod("forward")!;
        var value = (Tensor)forward.Invoke(loss, [fixture["logits"], fixture["labels"]])!;

        Assert.That(value.shape, Is.Empty);
        Assert.That(value.item<float>(), Is.EqualTo(fixture[expectedKey].item<float>()).Within(1e-6));
    }

    [Test]
    public void Plugin_options_report_unknown_keys_like_built_ins()
    {
        var e = Assert.Throws<ConfigBindingException>(() =>
            catalog.Registry.Build<object>(M(10, ("type", S("SoftDiceLoss", 10)), ("smoth", S(1L, 11))), ComponentKind.Loss, "loss.types[0]"))!;

        Assert.That(e.Message, Is.EqualTo($"{YamlFile}:11:3: loss.types[0].smoth: unknown key 'smoth' for Loss 'SoftDiceLoss'. Did you mean 'smooth'? Allowed keys: weight, ignore_index, smooth."));
    }

    [Test]
    public void An_unknown_loss_lists_the_plugin_component()
    {
        var e = Assert.Throws<ConfigBindingException>(() =>
            catalog.Registry.Build<object>(M(10, ("type", S("SoftDiceLos", 10))), ComponentKind.Loss, "loss.types[0]"))!;

        Assert.That(e.Message, Does.Contain("unknown Loss 'SoftDiceLos'. Did you mean 'SoftDiceLoss'?"));
    }
}
