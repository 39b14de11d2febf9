using Seg.Core.Config;
using Seg.Core.Losses;
using Seg.Core.Registry;
using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

// loss: {types, coef} from YAML through SegConfig and the registry, with PaddleSeg's keys.
[Category(TestCategories.NeedsShared)]
public class LossConfigBindingTests
{
    private ComponentRegistry registry = null!;
    private string dir = null!;

    [SetUp]
    public void SetUp()
    {
        registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(CrossEntropyLoss).Assembly);
        dir = Directory.CreateTempSubdirectory("seg-loss-yaml-").FullName;
    }

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    // The keys PaddleSeg's checker requires besides the loss, in a _base_ file.
    private const string Base = """
        batch_size: 2
        iters: 10
        train_dataset: {type: Cityscapes, dataset_root: data/cityscapes, mode: train}
        optimizer: {type: SGD}
        lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}
        model: {type: PPLiteSeg, num_classes: 19}
        """;

    private LossSet Build(string yaml)
    {
        File.WriteAllText(Path.Combine(dir, "base.yml"), Base);
        var path = Path.Combine(dir, "loss.yml");
        File.WriteAllText(path, "_base_: base.yml\n" + yaml);
        return LossSet.FromConfig(SegConfig.Load(path).Loss, registry);
    }

    [Test]
    public void Every_paddleseg_key_binds()
    {
        var set = Build("""
            loss:
              types:
                - type: CrossEntropyLoss
                  weight: [1.0, 0.5, 2]
                  ignore_index: 19
                  top_k_percent_pixels: 0.2
                  avg_non_ignore: False
                  data_format: NHWC
                - type: OhemCrossEntropyLoss
                  thresh: 0.8
                  min_kept: 130000
                  ignore_index: 0
                  weight: [1, 2, 3]
                - type: DetailAggregateLoss
                  ignore_index: 7
                - type: MixedLoss
                  losses:
                    - type: CrossEntropyLoss
                    - type: OhemCrossEntropyLoss
                  coef: [0.8, 0.2]
              coef: [1, 0.4, 1, 0.5]
            """);

        Assert.That(set.Names, Is.EqualTo(new[] { "CrossEntropyLoss", "OhemCrossEntropyLoss", "DetailAggregateLoss", "MixedLoss" }));
        Assert.That(set.Coef, Is.EqualTo(new[] { 1.0, 0.4, 1.0, 0.5 }));
        var ce = ((CrossEntropyLoss)set.Losses[0]).Options;
        Assert.That(ce.Weight, Is.EqualTo(new[] { 1.0f, 0.5f, 2f }));
        Assert.That(ce.IgnoreIndex, Is.EqualTo(19));
        Assert.That(ce.TopKPercentPixels, Is.EqualTo(0.2));
        Assert.That(ce.AvgNonIgnore, Is.False);
        Assert.That(ce.DataFormat, Is.EqualTo(DataFormat.NHWC));
        var ohem = ((OhemCrossEntropyLoss)set.Losses[1]).Options;
        Assert.That((ohem.Thresh, ohem.MinKept, ohem.IgnoreIndex), Is.EqualTo((0.8, 130000L, 0L)));
        Assert.That(ohem.Weight, Is.EqualTo(new[] { 1f, 2f, 3f }));
        Assert.That(((DetailAggregateLoss)set.Losses[2]).Options.IgnoreIndex, Is.EqualTo(7));
        var mixed = (MixedLoss)set.Losses[3];
        Assert.That(mixed.Options.Coef, Is.EqualTo(new[] { 0.8, 0.2 }));
        Assert.That(mixed.Options.Losses.Select(l => l.GetType()), Is.EqualTo(new[] { typeof(CrossEntropyLoss), typeof(OhemCrossEntropyLoss) }));
    }

    [Test]
    public void Keys_left_out_keep_paddleseg_defaults()
    {
        var set = Build("loss:\n  types:\n    - type: CrossEntropyLoss\n    - type: OhemCrossEntropyLoss\n    - type: DetailAggregateLoss\n  coef: [1, 1, 1]\n");
        var ce = ((CrossEntropyLoss)set.Losses[0]).Options;
        Assert.That((ce.Weight, ce.IgnoreIndex, ce.TopKPercentPixels, ce.AvgNonIgnore, ce.DataFormat), Is.EqualTo(((IReadOnlyList<float>?)null, 255L, 1.0, true, DataFormat.NCHW)));
        var ohem = ((OhemCrossEntropyLoss)set.Losses[1]).Options;
        Assert.That((ohem.Thresh, ohem.MinKept, ohem.IgnoreIndex, ohem.Weight), Is.EqualTo((0.7, 10000L, 255L, (IReadOnlyList<float>?)null)));
        Assert.That(((DetailAggregateLoss)set.Losses[2]).FuseWeights, Is.EqualTo(new[] { 0.6f, 0.3f, 0.1f }));
    }

    [Test]
    public void A_single_type_is_repeated_for_every_coef()
    {
        var set = Build("loss:\n  types:\n    - type: CrossEntropyLoss\n      weight: [1, 0.1]\n  coef: [1, 1, 1]\n");
        Assert.That(set.Losses, Has.Count.EqualTo(3).And.All.InstanceOf<CrossEntropyLoss>());
        Assert.That(set.Losses.Select(l => ((CrossEntropyLoss)l).Options.Weight), Has.All.EqualTo(new[] { 1f, 0.1f }));

        var map = new ConfigMap();
        var type = new ConfigMap();
        type.Set("type", new ConfigScalar("OhemCrossEntropyLoss"));
        map.Set("types", new ConfigList([type]));
        map.Set("coef", new ConfigList([new ConfigScalar(1L), new ConfigScalar(0.4)]));
        Assert.That(LossSet.FromConfig(map, registry).Losses, Has.Count.EqualTo(2), "FromConfig applies the rule itself to an unchecked map");
    }

    [Test]
    public void An_unknown_key_names_the_allowed_ones() =>
        Assert.That(() => Build("loss:\n  types:\n    - type: OhemCrossEntropyLoss\n      min_keep: 10\n  coef: [1]\n"),
            Throws.InstanceOf<ConfigBindingException>().With.Message.Contains("min_kept").And.Message.Contains("loss.types[0].min_keep"));

    [Test]
    public void A_wrong_data_format_is_an_error() =>
        Assert.That(() => Build("loss:\n  types:\n    - type: CrossEntropyLoss\n      data_format: NCWH\n  coef: [1]\n"),
            Throws.InstanceOf<ConfigBindingException>().With.Message.Contains("NHWC"));

    [Test]
    public void Mismatched_types_and_coef_is_a_config_error() =>
        Assert.That(() => Build("loss:\n  types:\n    - type: CrossEntropyLoss\n    - type: CrossEntropyLoss\n  coef: [1, 1, 1]\n"),
            Throws.InstanceOf<ConfigException>().With.Message.Contains("has 2 entries but 'loss.coef' has 3"));

    [TestCase("stdcseg/stdc1_seg_cityscapes_1024x512_80k.yml", new[] { "OhemCrossEntropyLoss", "OhemCrossEntropyLoss", "OhemCrossEntropyLoss", "DetailAggregateLoss" })]
    [TestCase("pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml", new[] { "OhemCrossEntropyLoss", "OhemCrossEntropyLoss", "OhemCrossEntropyLoss" })]
    [TestCase("pssl/pp_liteseg_stdc1_pssl.yml", new[] { "CrossEntropyLoss", "CrossEntropyLoss", "CrossEntropyLoss" })]
    public void Paddleseg_own_configs_build_their_losses(string config, string[] names)
    {
        var path = Path.Combine(TestPaths.PaddleSegConfigs, config);
        var set = LossSet.FromConfig(SegConfig.Load(path).Loss, registry);
        Assert.That(set.Names, Is.EqualTo(names));
        if (set.Losses[0] is OhemCrossEntropyLoss ohem && config.StartsWith("pp_liteseg", StringComparison.Ordinal))
            Assert.That(ohem.Options.MinKept, Is.EqualTo(130000));
        if (set.Losses[0] is CrossEntropyLoss ce)
        {
            Assert.That(ce.Options.Weight, Has.Count.EqualTo(1001));
            Assert.That(ce.Options.Weight![1000], Is.EqualTo(0.1f));
            Assert.That(ce.Options.Weight.Take(1000), Has.All.EqualTo(1f));
        }
    }
}
