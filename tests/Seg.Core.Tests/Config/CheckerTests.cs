using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// The checker rules of spec §1.1 in PaddleSeg's order, with allow_update, and the fixed-dataset hook.
public class CheckerTests
{
    private const string Generic = """
        batch_size: 2
        iters: 10
        train_dataset: {type: Dataset, num_classes: 4, img_channels: 1, ignore_index: 9}
        val_dataset: {type: Dataset, num_classes: 4, ignore_index: 9}
        optimizer: {type: SGD}
        lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}
        loss:
          types:
            - type: MixedLoss
              losses: [{type: CrossEntropyLoss}, {type: DiceLoss, ignore_index: 9}]
              coef: [1, 1]
          coef: [1, 0.4]
        model: {type: UNet}
        """;

    private static ConfigMap Parse(string yaml) => YamlConfigReader.ReadText(yaml, "c.yml");

    private static (ConfigMap Config, List<string> Warnings) Check(string yaml, ConfigChecker? checker = null)
    {
        var config = Parse(yaml);
        var warnings = new List<string>();
        (checker ?? ConfigChecker.Default()).Apply(config, warnings);
        return (config, warnings);
    }

    private static ConfigException Fails(string yaml, ConfigChecker? checker = null) =>
        Assert.Throws<ConfigException>(() => Check(yaml, checker))!;

    [Test]
    public void DefaultRulesRunInPaddleSegOrder() =>
        Assert.That(ConfigChecker.Default().Rules.Select(r => r.Name), Is.EqualTo(new[]
        {
            "DefaultPrimaryRule", "DefaultSyncNumClassesRule", "DefaultSyncImgChannelsRule",
            "DefaultLossRule", "DefaultSyncIgnoreIndexRule", "DefaultLossRule", "DefaultSyncIgnoreIndexRule",
        }));

    [Test]
    public void GenericDatasetSynchronisesNumClassesInChannelsAndIgnoreIndex()
    {
        var (config, warnings) = Check(Generic);
        Assert.Multiple(() =>
        {
            Assert.That(ConfigAssert.ValueAt(config, "model.num_classes"), Is.EqualTo(4L));
            Assert.That(ConfigAssert.ValueAt(config, "model.in_channels"), Is.EqualTo(1L));
            var types = (ConfigList)ConfigAssert.At(config, "loss.types");
            Assert.That(types.Items, Has.Count.EqualTo(2)); // one type repeated for two coefs
            var losses = (ConfigList)((ConfigMap)types.Items[1])["losses"];
            Assert.That(losses.Items.Select(l => ((ConfigScalar)((ConfigMap)l)["ignore_index"]).Value), Is.EqualTo(new object[] { 9L, 9L }));
            Assert.That(warnings, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void InChannelsGoIntoTheBackboneWhenThereIsOne()
    {
        var (config, _) = Check(Generic.Replace("model: {type: UNet}", "model: {type: M, backbone: {type: B}}", StringComparison.Ordinal));
        Assert.That(ConfigAssert.ValueAt(config, "model.backbone.in_channels"), Is.EqualTo(1L));
    }

    [Test]
    public void WithoutAllowUpdateRulesOnlyCheck()
    {
        var (config, _) = Check(Generic, new ConfigChecker(ConfigChecker.Default().Rules, allowUpdate: false));
        Assert.Multiple(() =>
        {
            Assert.That(((ConfigMap)config["model"]).ContainsKey("num_classes"), Is.False);
            Assert.That(((ConfigList)ConfigAssert.At(config, "loss.types")).Items, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void PrimaryRuleNamesTheMissingKeys()
    {
        var e = Fails("batch_size: 1\nmodel: {type: X}\n");
        Assert.That(e.Message, Does.StartWith("c.yml:1:1: no iters, train_dataset, optimizer, lr_scheduler, loss in the config").And.EndWith("[config check DefaultPrimaryRule]"));
    }

    [Test]
    public void NumClassesMismatchNamesEveryValueAndPlace()
    {
        var e = Fails(Generic.Replace("model: {type: UNet}", "model: {type: UNet, num_classes: 5}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("num_classes is not consistent: model.num_classes = 5 (c.yml:13:").And.Contain("train_dataset.num_classes = 4 (c.yml:3:")
            .And.EndWith("[config check DefaultSyncNumClassesRule]"));
    }

    [Test]
    public void GenericDatasetNeedsNumClasses()
    {
        var e = Fails(Generic.Replace("{type: Dataset, num_classes: 4, ignore_index: 9}", "{type: Dataset, ignore_index: 9}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.StartWith("c.yml:4:").And.Contain("val_dataset uses the generic Dataset and needs 'num_classes"));
    }

    [Test]
    public void GenericTrainNeedsGenericVal()
    {
        var e = Fails(Generic.Replace("{type: Dataset, num_classes: 4, ignore_index: 9}", "{type: Cityscapes}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("val_dataset.type is 'Cityscapes' but train_dataset.type is 'Dataset'"));
    }

    [Test]
    public void ImgChannelsMismatch()
    {
        var e = Fails(Generic.Replace("model: {type: UNet}", "model: {type: UNet, in_channels: 3}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("in_channels is not consistent: model.in_channels = 3").And.EndWith("[config check DefaultSyncImgChannelsRule]"));
    }

    [Test]
    public void LossLengthMismatch()
    {
        var e = Fails(Generic.Replace("coef: [1, 0.4]", "coef: [1, 0.4, 0.2]", StringComparison.Ordinal).Replace("losses: [{type: CrossEntropyLoss}", "losses: [{type: CrossEntropyLoss}]\n    - {type: X", StringComparison.Ordinal)
            .Replace(", {type: DiceLoss, ignore_index: 9}]\n      coef: [1, 1]", "}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("'loss.types' has 2 entries but 'loss.coef' has 3").And.EndWith("[config check DefaultLossRule]"));
    }

    [Test]
    public void LossNeedsTypesAndCoef()
    {
        var e = Fails(Generic.Replace("  coef: [1, 0.4]\n", "", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("'loss' needs both 'types'"));
    }

    [Test]
    public void IgnoreIndexMismatchInALossItem()
    {
        var e = Fails(Generic.Replace("{type: DiceLoss, ignore_index: 9}", "{type: DiceLoss, ignore_index: 255}", StringComparison.Ordinal));
        Assert.That(e.Message, Does.Contain("loss.types[0].losses[1].ignore_index is 255 but train_dataset.ignore_index is 9").And.EndWith("[config check DefaultSyncIgnoreIndexRule]"));
    }

    [Test]
    public void DistillLossGetsTheSameTreatment()
    {
        var (config, _) = Check(Generic + "\ndistill_loss: {types: [{type: KLLoss}], coef: [1, 2]}\n");
        var types = (ConfigList)ConfigAssert.At(config, "distill_loss.types");
        Assert.That(types.Items.Select(t => ((ConfigScalar)((ConfigMap)t)["ignore_index"]).Value), Is.EqualTo(new object[] { 9L, 9L }));
    }

    [Test]
    public void IntAndFloatEqualValuesAgreeAsInPython()
    {
        var (config, _) = Check(Generic.Replace("model: {type: UNet}", "model: {type: UNet, num_classes: 4.0}", StringComparison.Ordinal));
        Assert.That(ConfigAssert.ValueAt(config, "model.num_classes"), Is.EqualTo(4.0));
    }

    private const string Fixed = """
        batch_size: 2
        iters: 10
        train_dataset: {type: Cityscapes}
        optimizer: {type: SGD}
        lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}
        loss: {types: [{type: CrossEntropyLoss}, {type: OhemCrossEntropyLoss, ignore_index: 255}], coef: [1, 1]}
        model: {type: M, backbone: {type: B}}
        """;

    private sealed class FakeDatasets : IDatasetDefaults
    {
        public DatasetDefaults? Find(string datasetType) => datasetType == "Cityscapes" ? new DatasetDefaults(19, 3, 255) : null;
    }

    [Test]
    public void FixedDatasetConstantsAreInjected()
    {
        var (config, warnings) = Check(Fixed, ConfigChecker.Default(new FakeDatasets()));
        Assert.Multiple(() =>
        {
            Assert.That(ConfigAssert.ValueAt(config, "model.num_classes"), Is.EqualTo(19L));
            Assert.That(ConfigAssert.ValueAt(config, "model.backbone.in_channels"), Is.EqualTo(3L));
            Assert.That(((ConfigScalar)((ConfigMap)((ConfigList)ConfigAssert.At(config, "loss.types")).Items[0])["ignore_index"]).Value, Is.EqualTo(255L));
            Assert.That(warnings, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void FixedDatasetMismatchSaysWhatToWrite()
    {
        var e = Fails(Fixed.Replace("model: {type: M, backbone: {type: B}}", "model: {type: M, num_classes: 20}", StringComparison.Ordinal), ConfigChecker.Default(new FakeDatasets()));
        Assert.That(e.Message, Does.Match(@"^c\.yml:7:\d+: model\.num_classes is 20 but dataset Cityscapes has NUM_CLASSES = 19; write num_classes: 19 or leave it out \[config check FixedDatasetRule\]$"));
    }

    [Test]
    public void UnknownFixedDatasetIsLeftToTheRegistry()
    {
        var (config, _) = Check(Fixed.Replace("Cityscapes", "MyData", StringComparison.Ordinal), ConfigChecker.Default(new FakeDatasets()));
        Assert.That(((ConfigMap)config["model"]).ContainsKey("num_classes"), Is.False);
    }
}
