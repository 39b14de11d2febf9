using Seg.Core.Config;
using Seg.Core.Registry;

namespace Seg.Core.Tests.Registry;

// Whole-config validation: every component bound (nothing constructed), PaddleSeg components this build
// lacks noted, everything else failing with file:line; fixed-dataset constants from the registry.
public class ConfigValidatorTests
{
    private const string File = "configs/test/full.yml";

    private const string Config = """
        batch_size: 2
        iters: 100
        train_dataset:
          type: TestCity
          dataset_root: data/city
          transforms:
            - type: TestRandomCrop
              crop_size: [512, 512]
            - type: Exploding
        model:
          type: TinySeg
          num_classes: 7
          backbone:
            type: TinyNet
            in_channels: 1
        optimizer:
          type: SGD
          momentum: 0.9
          weight_decay: 4.0e-5
        lr_scheduler:
          type: PolynomialDecay
          learning_rate: 0.01
          warmup_iters: 10
          warmup_start_lr: 1.0e-5
        loss:
          types:
            - type: TestCELoss
            - type: OhemCrossEntropyLoss
          coef: [1, 1]
        """;

    private ComponentRegistry registry = null!;

    [SetUp]
    public void SetUp()
    {
        BuildLog.Entries.Clear();
        registry = new ComponentRegistry();
        foreach (var t in new[] { typeof(TinyNet), typeof(TinySeg), typeof(TestCELoss), typeof(TestRandomCrop), typeof(Exploding), typeof(TestMomentum), typeof(TestPolynomialDecay), typeof(TestCity) })
            registry.Register(t);
    }

    private static ConfigMap Read(string yaml) => YamlConfigReader.ReadText(yaml, File);

    private static int LineOf(string yaml, string text) => Array.FindIndex(yaml.Split('\n'), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    [Test]
    public void Binds_every_component_without_constructing_any_and_notes_what_this_build_lacks()
    {
        var report = ConfigValidator.Validate(Read(Config), registry);

        Assert.That(BuildLog.Entries, Is.Empty, "validation must not construct components (Exploding would throw)");
        Assert.That(report.Checked.Select(c => c.KeyPath), Is.EqualTo(new[]
        {
            "train_dataset", "train_dataset.transforms[0]", "train_dataset.transforms[1]", "model", "model.backbone", "optimizer", "lr_scheduler", "loss.types[0]",
        }));
        Assert.That(report.Components.Single(c => c.KeyPath == "optimizer").Name, Is.EqualTo("Momentum"), "SGD with momentum is PaddleSeg's Momentum");
        var missing = report.NotAvailable.Single();
        Assert.That(missing, Is.EqualTo(new ComponentCheck("loss.types[1]", "OhemCrossEntropyLoss", "Loss", new SourceLocation(File, LineOf(Config, "Ohem"), 13), false)));
        Assert.That(missing.ToString(), Is.EqualTo($"{File}:{LineOf(Config, "Ohem")}:13: loss.types[1]: Loss 'OhemCrossEntropyLoss' is not available in this build; its keys were not checked"));
    }

    [TestCase("in_channels: 1", "in_chanels: 1", "in_chanels: 1", "model.backbone.in_chanels: unknown key 'in_chanels' for Backbone 'TinyNet'. Did you mean 'in_channels'?")]
    [TestCase("crop_size: [512, 512]", "crop_size: 512", "crop_size: 512", "train_dataset.transforms[0].crop_size: expected ")]
    [TestCase("type: TinySeg", "type: TinySge", "type: TinySge", "model.type: unknown Model 'TinySge'. Did you mean 'TinySeg'?")]
    [TestCase("num_classes: 7", "num_class: 7", "type: TinySeg", "model: Model 'TinySeg' needs the key 'num_classes' (int), which is missing.")]
    [TestCase("learning_rate: 0.01", "lr: 0.01", "type: PolynomialDecay", "lr_scheduler: LrScheduler 'PolynomialDecay' needs the key 'learning_rate'")]
    [TestCase("weight_decay: 4.0e-5", "weight_decay: 4e-5", "weight_decay: 4e-5", "optimizer.weight_decay: ")]
    public void A_wrong_key_type_or_value_fails_with_file_and_line(string from, string to, string at, string message)
    {
        var yaml = Config.Replace(from, to, StringComparison.Ordinal);

        var e = Assert.Throws<ConfigBindingException>(() => ConfigValidator.Validate(Read(yaml), registry))!;

        Assert.That(e.Message, Does.StartWith($"{File}:{LineOf(yaml, at)}:").And.Contain(message));
    }

    [Test]
    public void Below_a_missing_PaddleSeg_model_the_backbone_is_still_checked()
    {
        var yaml = Config.Replace("type: TinySeg", "type: PPLiteSeg", StringComparison.Ordinal).Replace("in_channels: 1", "in_chanels: 1", StringComparison.Ordinal);

        var e = Assert.Throws<ConfigBindingException>(() => ConfigValidator.Validate(Read(yaml), registry))!;

        Assert.That(e.Message, Does.Contain("model.backbone.in_chanels: unknown key"));
    }

    [Test]
    public void A_kind_with_no_registered_component_is_not_available_whatever_the_name()
    {
        var empty = new ComponentRegistry();
        empty.Register(typeof(TinySeg));
        empty.Register(typeof(TinyNet));

        var report = ConfigValidator.Validate(Read(Config.Replace("TestCELoss", "MyOwnLoss", StringComparison.Ordinal)), empty);

        Assert.That(report.NotAvailable.Select(c => c.KeyPath), Is.EqualTo(new[] { "train_dataset", "train_dataset.transforms[0]", "train_dataset.transforms[1]", "optimizer", "lr_scheduler", "loss.types[0]", "loss.types[1]" }));
        Assert.That(report.Checked.Select(c => c.KeyPath), Is.EqualTo(new[] { "model", "model.backbone" }));
    }

    [Test]
    public void Fixed_dataset_constants_come_from_the_registered_dataset()
    {
        var dir = Path.Combine(Path.GetTempPath(), "seg-validator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "city.yml");
            System.IO.File.WriteAllText(path, Config.Replace("  num_classes: 7\n", "", StringComparison.Ordinal).Replace("    in_channels: 1\n", "", StringComparison.Ordinal));

            var config = SegConfig.Load(path, null, ConfigChecker.Default(new RegistryDatasetDefaults(registry)));

            Assert.That(ConfigAssertValue(config.Root, "model", "num_classes"), Is.EqualTo(7L));
            Assert.That(ConfigAssertValue((ConfigMap)config.Root["model"], "backbone", "in_channels"), Is.EqualTo(1L));
            var losses = ((ConfigList)((ConfigMap)config.Root["loss"])["types"]).Items.Cast<ConfigMap>();
            Assert.That(losses.Select(l => ((ConfigScalar)l["ignore_index"]).Value), Is.All.EqualTo(250L));
            Assert.That(config.Warnings, Has.Some.Contains("Added model.num_classes = 7 from the NUM_CLASSES of dataset TestCity"));
            Assert.That(new RegistryDatasetDefaults(registry).Find("TinySeg"), Is.Null, "only datasets have constants");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase("sgd", "SGD")]
    [TestCase("adam", "Adam")]
    [TestCase("SGD", "SGD")]
    public void Optimizer_names_follow_PaddleSegs_builder(string given, string expected)
    {
        var renamed = PaddleSegBuilderConventions.Optimizer(Read($"type: {given}\nweight_decay: 0.1"));

        Assert.That(((ConfigScalar)renamed["type"]).Value, Is.EqualTo(expected));
    }

    private static object? ConfigAssertValue(ConfigMap root, string section, string key) => ((ConfigScalar)((ConfigMap)root[section])[key]).Value;
}
