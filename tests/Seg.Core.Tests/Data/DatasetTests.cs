using Seg.Core.Config;
using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;

namespace Seg.Core.Tests.Data;

// Dataset parsing, layouts and every documented error (paddleseg-spec.md §11).
public class DatasetTests
{
    private static string Yaml(TempTree tree, string mode = "train", string extra = "") => $"""
        type: Dataset
        dataset_root: {tree.Root}
        train_path: {Path.Combine(tree.Root, "train.txt")}
        num_classes: 4
        mode: {mode}
        transforms: []
        {extra}
        """;

    [Test]
    public void FileListPathsAreJoinedWithTheRoot()
    {
        using var tree = new TempTree();
        tree.File("train.txt", "img/a.png lbl/a.png\nimg/b.png lbl/b.png\n");
        var ds = DataTestHelpers.Build<SegDataset>(Yaml(tree));
        Assert.That(ds.Entries, Is.EqualTo(new[]
        {
            new DatasetEntry(Path.Combine(tree.Root, "img/a.png"), Path.Combine(tree.Root, "lbl/a.png")),
            new DatasetEntry(Path.Combine(tree.Root, "img/b.png"), Path.Combine(tree.Root, "lbl/b.png")),
        }));
        Assert.That((ds.NumClasses, ds.IgnoreIndex, ds.ImgChannels, ds.Mode), Is.EqualTo((4, 255, 3, DatasetMode.Train)));
    }

    [Test]
    public void CustomSeparatorAndTestModeWithoutLabels()
    {
        using var tree = new TempTree();
        tree.File("test.txt", "img/a b.png|lbl/a.png\nimg/c.png\n");
        var ds = DataTestHelpers.Build<SegDataset>($"""
            type: Dataset
            dataset_root: {tree.Root}
            test_path: {Path.Combine(tree.Root, "test.txt")}
            num_classes: 2
            mode: test
            separator: "|"
            transforms: []
            """);
        Assert.That(ds.Entries[0].ImagePath, Is.EqualTo(Path.Combine(tree.Root, "img/a b.png")));
        Assert.That(ds.Entries[1].LabelPath, Is.Null);
    }

    [TestCase("img/a.png", "File list format incorrect")]
    [TestCase("img/a.png lbl/a.png extra", "File list format incorrect")]
    public void BadLineInTrainModeIsAnError(string line, string message)
    {
        using var tree = new TempTree();
        tree.File("train.txt", line + "\n");
        var e = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>(Yaml(tree)));
        Assert.That(e!.Message, Does.Contain(message).And.Contain("line 1"));
    }

    [Test]
    public void MissingRootListAndKeyAreErrors()
    {
        using var tree = new TempTree();
        var missingList = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>(Yaml(tree)));
        Assert.That(missingList!.Message, Does.Contain("`train_path` is not found"));
        var noKey = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>(Yaml(tree, "val")));
        Assert.That(noKey!.Message, Does.Contain("When `mode` is \"val\", `val_path` is necessary, but it is None."));
        var noRoot = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>(Yaml(tree).Replace(tree.Root + "\n", tree.Root + "/nope\n", StringComparison.Ordinal)));
        Assert.That(noRoot!.Message, Does.Contain("is not existed"));
    }

    [TestCase("mode: predict", "train_path", "'predict' is not allowed")]
    [TestCase("img_channels: 4", "", "`img_channels` should in [1, 3], but got 4")]
    [TestCase("num_classes: 0", "", "num_classes should be greater than or equal to 1")]
    public void BadArgumentsAreErrors(string replace, string unused, string message)
    {
        using var tree = new TempTree();
        tree.File("train.txt", "a.png b.png\n");
        var yaml = Yaml(tree);
        var key = replace.Split(':')[0];
        yaml = string.Join('\n', yaml.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal))) + "\n" + replace;
        var e = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>(yaml));
        Assert.That(e!.Message, Does.Contain(message));
    }

    [Test]
    public void CityscapesPairsSortedGlobs()
    {
        using var tree = new TempTree();
        foreach (var (city, name) in new[] { ("zurich", "zurich_000001"), ("aachen", "aachen_000002"), ("aachen", "aachen_000001") })
        {
            tree.Png($"leftImg8bit/train/{city}/{name}_leftImg8bit.png", 4, 2, 3, 10);
            tree.Png($"gtFine/train/{city}/{name}_gtFine_labelTrainIds.png", 4, 2, 1, 3);
            tree.Png($"gtFine/train/{city}/{name}_gtFine_labelIds.png", 4, 2, 1, 3);
        }
        var ds = DataTestHelpers.Build<SegDataset>($"type: Cityscapes\ndataset_root: {tree.Root}\ntransforms: []");
        Assert.That(ds.Entries.Select(e => Path.GetFileName(e.ImagePath)), Is.EqualTo(new[] { "aachen_000001_leftImg8bit.png", "aachen_000002_leftImg8bit.png", "zurich_000001_leftImg8bit.png" }));
        Assert.That(ds.Entries.Select(e => Path.GetFileName(e.LabelPath)), Is.EqualTo(new[] { "aachen_000001_gtFine_labelTrainIds.png", "aachen_000002_gtFine_labelTrainIds.png", "zurich_000001_gtFine_labelTrainIds.png" }));
        Assert.That((ds.NumClasses, ds.IgnoreIndex), Is.EqualTo((19, 255)));
        var e = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>($"type: Cityscapes\ndataset_root: {tree.Root}/gtFine\ntransforms: []"));
        Assert.That(e!.Message, Does.Contain("The dataset is not Found or the folder structure is nonconfoumance."));
    }

    [Test]
    public void Ade20kReducesZeroLabelInUint8()
    {
        using var tree = new TempTree();
        tree.Png("images/validation/ADE_val_1.jpg", 3, 1, 3, 10);
        var labelPath = tree.Png("annotations/validation/ADE_val_1.png", 3, 1, 1, 0);
        using (var label = Seg.Torch.torch.tensor(new byte[] { 0, 1, 150 }, [1, 3]))
            Seg.Torch.Images.ImageIO.write_png(label, labelPath);
        var ds = DataTestHelpers.Build<SegDataset>($"type: ADE20K\ndataset_root: {tree.Root}\nmode: val\ntransforms: []");
        Assert.That(ds.Entries[0].LabelPath, Does.EndWith("ADE_val_1.png"));
        using var sample = ds.GetSample(0, new ReplayRandom([]));
        Assert.That(sample.Label!.data<byte>(), Is.EqualTo(new byte[] { 255, 0, 149 }));
        var test = Assert.Throws<ConfigBindingException>(() => DataTestHelpers.Build<SegDataset>($"type: ADE20K\ndataset_root: {tree.Root}\nmode: test\ntransforms: []"));
        Assert.That(test!.Message, Does.Contain("`mode` should be 'train' or 'val', but got test."));
    }

    // paddleseg/datasets/voc.py: the image sets name the files; trainaug appends aug.txt with SegmentationClassAug labels.
    [Test]
    public void PascalVOCReadsItsImageSetsAsPaddleSegDoes()
    {
        using var tree = new TempTree();
        const string sets = "VOCdevkit/VOC2012/ImageSets/Segmentation/";
        tree.File(sets + "train.txt", "2007_000032\n2007_000039\n");
        tree.File(sets + "val.txt", "2007_000033 \n");
        tree.File(sets + "trainval.txt", "2007_000032\n2007_000033\n2007_000039\n");
        tree.Png("VOCdevkit/VOC2012/JPEGImages/2007_000033.jpg", 4, 3, 3, 90);
        tree.Png("VOCdevkit/VOC2012/SegmentationClass/2007_000033.png", 4, 3, 1, 15);
        var root = Path.Combine(tree.Root, "VOCdevkit");
        SegDataset Voc(string mode) => DataTestHelpers.Build<SegDataset>($"type: PascalVOC\ndataset_root: {root}\nmode: {mode}\ntransforms: []");

        var train = Voc("train");
        Assert.That(train.Entries.Select(e => Path.GetRelativePath(root, e.ImagePath)), Is.EqualTo(new[] { "VOC2012/JPEGImages/2007_000032.jpg", "VOC2012/JPEGImages/2007_000039.jpg" }));
        Assert.That(train.Entries.Select(e => Path.GetRelativePath(root, e.LabelPath!)), Is.EqualTo(new[] { "VOC2012/SegmentationClass/2007_000032.png", "VOC2012/SegmentationClass/2007_000039.png" }));
        Assert.That((train.NumClasses, train.IgnoreIndex), Is.EqualTo((21, 255)));
        Assert.That(Voc("trainval").Entries, Has.Count.EqualTo(3));

        var val = Voc("val");
        Assert.That(val.Mode, Is.EqualTo(DatasetMode.Val));
        using (var sample = val.GetSample(0, new ReplayRandom([])))
            Assert.That(sample.Label!.data<byte>().Distinct(), Is.EqualTo(new byte[] { 15 }));

        var noAug = Assert.Throws<ConfigBindingException>(() => Voc("trainaug"))!;
        Assert.That(noAug.Message, Does.Contain("aug.txt").And.Contain("voc_augment.py"));
        tree.File(sets + "aug.txt", "2008_000001\n");
        var aug = Voc("trainaug");
        Assert.That(aug.Mode, Is.EqualTo(DatasetMode.Train));
        Assert.That(aug.Entries.Select(e => Path.GetRelativePath(root, e.LabelPath!)),
            Is.EqualTo(new[] { "VOC2012/SegmentationClass/2007_000032.png", "VOC2012/SegmentationClass/2007_000039.png", "VOC2012/SegmentationClassAug/2008_000001.png" }));

        var test = Assert.Throws<ConfigBindingException>(() => Voc("test"))!;
        Assert.That(test.Message, Does.Contain("trainaug"));
    }

    [Test]
    public void FixedDatasetConstantsReachTheConfigChecker()
    {
        var defaults = new RegistryDatasetDefaults(DataTestHelpers.Registry);
        Assert.That(defaults.Find("Cityscapes"), Is.EqualTo(new DatasetDefaults(19, 3, 255)));
        Assert.That(defaults.Find("ADE20K"), Is.EqualTo(new DatasetDefaults(150, 3, 255)));
        Assert.That(defaults.Find("PascalVOC"), Is.EqualTo(new DatasetDefaults(21, 3, 255)));
        Assert.That(defaults.Find("Dataset"), Is.Null);
        Assert.That(defaults.Find("Nope"), Is.Null);

        var config = YamlConfigReader.ReadText("""
            train_dataset: {type: Cityscapes, dataset_root: x, transforms: []}
            model: {type: PPLiteSeg}
            loss: {types: [{type: CrossEntropyLoss}], coef: [1]}
            """, "c.yml");
        var warnings = new List<string>();
        new FixedDatasetRule(defaults).Apply(config, warnings);
        Assert.That(((ConfigMap)config.Get("model")!).Get("num_classes"), Is.InstanceOf<ConfigScalar>().With.Property("Value").EqualTo(19L));
        Assert.That(warnings, Has.Some.Contain("NUM_CLASSES of dataset Cityscapes"));
    }

    [Test]
    public void ValModeLeavesTheLabelUntransformed()
    {
        using var tree = new TempTree();
        tree.Png("a.png", 6, 4, 3, 50);
        tree.Png("a_l.png", 6, 4, 1, 1);
        tree.File("val.txt", "a.png a_l.png\n");
        var ds = DataTestHelpers.Build<SegDataset>($"""
            type: Dataset
            dataset_root: {tree.Root}
            val_path: {Path.Combine(tree.Root, "val.txt")}
            num_classes: 2
            mode: val
            transforms: [{"{"}type: Resize, target_size: [3, 2]{"}"}, {"{"}type: Normalize{"}"}]
            """);
        using var sample = ds.GetSample(0, new ReplayRandom([]));
        Assert.That(sample.Image.shape, Is.EqualTo(new long[] { 3, 2, 3 }));
        Assert.That(sample.Label!.shape, Is.EqualTo(new long[] { 4, 6 }));
        Assert.That(sample.TransInfo, Has.Count.EqualTo(1));
    }
}
