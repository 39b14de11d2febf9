using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Plugins;
using Seg.Core.Registry;
using Seg.Torch;
using static Seg.Core.Tests.Registry.Cfg;

namespace Seg.Core.Tests.Plugins;

// End to end: the example plugin, built on its own, dropped into a fresh folder, found by the loader,
// built by its `type:` from a YAML config and used on tensors (value and gradient against PaddleSeg's
// DiceLoss in PyTorch, tests/fixtures/make_registry.py).
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

    [TestCase(null, "default")]
    [TestCase("weighted", "weighted")]
    public void SoftDiceLoss_built_from_config_matches_PaddleSeg_DiceLoss_value_and_gradient(string? variant, string expected)
    {
        var config = variant == null
            ? M(10, ("type", S("SoftDiceLoss", 10)))
            : M(10, ("type", S("SoftDiceLoss", 10)), ("weight", L(11, S(0.2, 11), S(0.3, 11), S(0.5, 11))), ("smooth", S(0.5, 12)), ("ignore_index", S(255L, 13)));
        var loss = catalog.Registry.Build<ISegLoss>(config, ComponentKind.Loss, "loss.types[0]");

        AssertMatchesFixture(loss, expected);
    }

    [Test]
    public void SoftDiceLoss_is_used_by_its_type_from_a_YAML_config_file()
    {
        var dir = Path.Combine(folder, "configs");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "base.yml"), """
            batch_size: 2
            iters: 10
            train_dataset:
              type: Dataset
              dataset_root: data
              train_path: data/train.txt
              num_classes: 3
              mode: train
              ignore_index: 255
            model:
              type: SomeModel
              num_classes: 3
            optimizer:
              type: SGD
            lr_scheduler:
              type: PolynomialDecay
              learning_rate: 0.01
            loss:
              types:
                - type: CrossEntropyLoss
              coef: [1]
            """);
        var path = Path.Combine(dir, "dice.yml");
        File.WriteAllText(path, """
            _base_: base.yml
            loss:
              types:
                - type: SoftDiceLoss
                  smooth: 0.5
                  weight: [0.2, 0.3, 0.5]
              coef: [1, 0.4]
            """);

        var config = SegConfig.Load(path);
        var types = (ConfigList)config.Loss["types"];
        var losses = types.Items.Select((item, i) => catalog.Registry.Build<ISegLoss>(item, ComponentKind.Loss, $"loss.types[{i}]")).ToList();

        Assert.That(losses, Has.Count.EqualTo(2), "one type is repeated for every coef");
        Assert.That(types.Items.Select(t => ((ConfigMap)t).Get("ignore_index") is ConfigScalar { Value: 255L }), Is.All.True, "ignore_index is synchronised from the dataset");
        Assert.That(losses.Select(l => Option(l, "Smooth")), Is.All.EqualTo(0.5f));
        Assert.That(types.Items[0].Location, Is.EqualTo(new SourceLocation(path, 4, 7)));
        AssertMatchesFixture(losses[0], "weighted");
    }

    [Test]
    public void A_misspelt_key_in_a_YAML_file_names_the_file_and_line()
    {
        var path = Path.Combine(folder, "typo.yml");
        File.WriteAllText(path, """
            loss:
              types:
                - type: SoftDiceLoss
                  smoth: 0.5
            """);
        var types = (ConfigList)((ConfigMap)YamlConfigReader.ReadFile(path)["loss"])["types"];

        var e = Assert.Throws<ConfigBindingException>(() => catalog.Registry.Build<ISegLoss>(types.Items[0], ComponentKind.Loss, "loss.types[0]"))!;

        Assert.That(e.Message, Does.StartWith($"{path}:4:14: loss.types[0].smoth: unknown key 'smoth' for Loss 'SoftDiceLoss'. Did you mean 'smooth'?"));
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

    private static object? Option(object component, string name)
    {
        var options = component.GetType().GetProperty("Options")!.GetValue(component)!;
        return options.GetType().GetProperty(name)!.GetValue(options);
    }

    private static void AssertMatchesFixture(ISegLoss loss, string expected)
    {
        using var scope = torch.NewDisposeScope();
        using var fixture = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "registry", "dice.safetensors"));
        var logits = fixture["logits"].clone().requires_grad_();

        var value = loss.forward(logits, fixture["labels"]);
        value.backward();

        Assert.That(value.shape, Is.Empty);
        Assert.That(value.requires_grad, Is.True, "the loss must be part of the autograd graph");
        Assert.That(value.item<float>(), Is.EqualTo(fixture["loss_" + expected].item<float>()).Within(1e-6));
        var grad = logits.grad!;
        var want = fixture["grad_" + expected];
        Assert.That(grad.shape, Is.EqualTo(want.shape));
        Assert.That((grad - want).abs().max().item<float>(), Is.LessThan(1e-6f), "d loss / d logits differs from PyTorch's");
        Assert.That(want.abs().max().item<float>(), Is.GreaterThan(1e-3f), "the reference gradient must not be trivially zero");
    }
}
