using System.Reflection;
using Seg.Core.Config;
using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;

namespace Seg.Pssl.Tests;

public class PSSLDatasetTests
{
    private static readonly string FixtureRoot = Path.Combine(TestPaths.Fixtures, "pssl");
    private static readonly Lazy<ComponentRegistry> Registry = new(() =>
    {
        var r = new ComponentRegistry();
        r.RegisterAssembly(typeof(Dataset).Assembly);
        r.RegisterAssembly(typeof(PSSLDataset).Assembly);
        return r;
    });

    private string tree = "";

    [SetUp]
    public void CopyTree()
    {
        tree = Path.Combine(Path.GetTempPath(), "seg-pssl-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(FixtureRoot, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(tree, Path.GetRelativePath(FixtureRoot, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(tree, recursive: true);

    private string PsslRoot => Path.Combine(tree, "pssl");

    private string ImagenetRoot => Path.Combine(tree, "imagenet");

    private PSSLDataset Build(string? mode = null, string transforms = "[]")
    {
        var yaml = $"node:\n  type: PSSLDataset\n  imagenet_root: {ImagenetRoot}\n  pssl_root: {PsslRoot}\n  transforms: {transforms}\n"
            + (mode is null ? "" : $"  mode: {mode}\n");
        var root = YamlConfigReader.ReadText(yaml, "test.yml");
        return Registry.Value.Build<PSSLDataset>(root.Get("node")!, ComponentKind.Dataset, "node");
    }

    [Test]
    public void Labels_equal_PaddleSegs_getitem()
    {
        var dataset = Build();
        using var expected = SafeTensors.Load(Path.Combine(FixtureRoot, "expected.safetensors"));
        Assert.That(dataset.Count, Is.EqualTo(3));
        for (var i = 0; i < dataset.Count; i++)
        {
            using var sample = dataset.GetSample(i, new SampleRandom(0, 0, i));
            Assert.That(sample.Label!.dtype, Is.EqualTo(ScalarType.Int32));
            Assert.That(sample.Label.shape, Is.EqualTo(new long[] { 24, 32 }));
            using var label = sample.Label.to(ScalarType.Int64);
            Assert.That(label.data<long>(), Is.EqualTo(expected[$"label_{i}"].data<long>()), $"label {i}");
            Assert.That(sample.Image.shape, Is.EqualTo(new long[] { 3, 24, 32 }));
        }
    }

    [Test]
    public void Labels_contain_both_classes_and_background_only()
    {
        var dataset = Build();
        var seen = new HashSet<int>();
        for (var i = 0; i < dataset.Count; i++)
        {
            using var label = dataset.ReadLabel(dataset.Entries[i].LabelPath!);
            seen.UnionWith(label.data<int>());
        }
        Assert.That(seen, Is.EquivalentTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void Paths_classes_and_constants_follow_the_lists()
    {
        var dataset = Build("train");
        Assert.Multiple(() =>
        {
            Assert.That(dataset.NumClasses, Is.EqualTo(3));
            Assert.That(dataset.IgnoreIndex, Is.EqualTo(3));
            Assert.That(dataset.Background, Is.EqualTo(2));
            Assert.That(dataset.ClassIds["n01443537"], Is.EqualTo(1));
            Assert.That(dataset.Entries[0].ImagePath, Is.EqualTo(Path.Combine(ImagenetRoot, "train/n01443537/n01443537_10007.JPEG")));
            Assert.That(dataset.Entries[0].LabelPath, Is.EqualTo(Path.Combine(PsslRoot, "train/n01443537/n01443537_10007.JPEG_eiseg.npz")));
        });
    }

    [Test]
    public void A_thousand_synsets_give_PaddleSegs_constants()
    {
        File.WriteAllLines(Path.Combine(PsslRoot, PSSLDataset.SynsetsFileName),
            ["n01440764", "n01443537", .. Enumerable.Range(0, 998).Select(i => $"n9{i:D7}")]);
        var dataset = Build();
        var constants = typeof(PSSLDataset).GetCustomAttribute<DatasetConstantsAttribute>()!;
        Assert.Multiple(() =>
        {
            Assert.That(dataset.NumClasses, Is.EqualTo(1001));
            Assert.That(dataset.IgnoreIndex, Is.EqualTo(1001));
            Assert.That(dataset.Background, Is.EqualTo(1000));
            Assert.That(constants.NumClasses, Is.EqualTo(1001));
            Assert.That(constants.IgnoreIndex, Is.EqualTo(1001));
        });
        using var label = dataset.ReadLabel(dataset.Entries[0].LabelPath!);
        Assert.That(label.data<int>().Distinct().Order(), Is.EqualTo(new[] { 1, 1000 }));
    }

    [Test]
    public void Padding_is_the_only_source_of_the_ignore_index()
    {
        var dataset = Build(transforms: "[{type: RandomPaddingCrop, crop_size: [40, 30], label_padding_value: 3}]");
        using var sample = dataset.GetSample(0, new SampleRandom(0, 0, 0));
        var values = sample.Label!.data<int>();
        Assert.That(values.Count(v => v == 3), Is.EqualTo(40 * 30 - 32 * 24));
    }

    [Test]
    public void Missing_pssl_root_is_named()
    {
        Directory.Delete(PsslRoot, recursive: true);
        Assert.That(Error(), Does.Contain(PsslRoot));
    }

    [TestCase(PSSLDataset.TrainListName)]
    [TestCase(PSSLDataset.SynsetsFileName)]
    public void Missing_list_file_is_named(string name)
    {
        File.Delete(Path.Combine(PsslRoot, name));
        Assert.That(Error(), Does.Contain(Path.Combine(PsslRoot, name)));
    }

    [Test]
    public void Other_modes_are_refused() =>
        Assert.That(Error("val"), Does.Contain("mode should be 'train', but got val"));

    [Test]
    public void Unknown_synset_names_the_line()
    {
        File.AppendAllText(Path.Combine(PsslRoot, PSSLDataset.TrainListName), "train/n00000001/n00000001_1.JPEG_eiseg.npz\n");
        Assert.That(Error(), Does.Contain("train.txt, line 4").And.Contain("'n00000001'"));
    }

    [Test]
    public void Line_without_JPEG_names_the_line()
    {
        File.WriteAllText(Path.Combine(PsslRoot, PSSLDataset.TrainListName), "\ntrain/n01440764/n01440764_39.png_eiseg.npz\n");
        Assert.That(Error(), Does.Contain("train.txt, line 2"));
    }

    [TestCase("n01440764\nn01443537\nn01440764\n", "line 3")]
    [TestCase("n01440764\n\nn01443537\n", "line 2")]
    public void Bad_synsets_line_is_named(string content, string line)
    {
        File.WriteAllText(Path.Combine(PsslRoot, PSSLDataset.SynsetsFileName), content);
        Assert.That(Error(), Does.Contain($"{PSSLDataset.SynsetsFileName}, {line}"));
    }

    [Test]
    public void Missing_npz_is_named_when_read()
    {
        var dataset = Build();
        File.Delete(dataset.Entries[1].LabelPath!);
        var e = Assert.Throws<FileNotFoundException>(() => dataset.GetSample(1, new SampleRandom(0, 0, 1)).Dispose())!;
        Assert.That(e.Message, Does.Contain(dataset.Entries[1].LabelPath));
    }

    // ToString carries the inner exceptions too (the registry may wrap the constructor's).
    private string Error(string? mode = null) => Assert.Catch(() => Build(mode))!.ToString();
}
