using Seg.Core.Config;
using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Registry;
using Seg.Pssl.Demo;
using Seg.Pssl.Npy;
using Seg.Torch.Images;

namespace Seg.Pssl.Tests;

// `seg data make-demo`'s generator: deterministic, readable by PSSLDataset and Dataset, masks round-trip.
public class DemoDataTests
{
    private static readonly Lazy<ComponentRegistry> Registry = new(() =>
    {
        var r = new ComponentRegistry();
        r.RegisterAssembly(typeof(Dataset).Assembly);
        r.RegisterAssembly(typeof(PSSLDataset).Assembly);
        return r;
    });

    private static readonly Lazy<string> Generated = new(() => Generate(seed: 0));

    private static string Generate(int seed)
    {
        var dir = Path.Combine(Path.GetTempPath(), "seg-demo-" + Guid.NewGuid().ToString("N"));
        DemoData.Generate(new DemoDataOptions { Output = dir, Seed = seed, Size = 2, SegTrain = 6, SegVal = 2 });
        return dir;
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    private static T Build<T>(string yaml)
        where T : SegDataset
    {
        var root = YamlConfigReader.ReadText(yaml, "test.yml");
        return Registry.Value.Build<T>(root.Get("node")!, ComponentKind.Dataset, "node");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (Generated.IsValueCreated) Directory.Delete(Generated.Value, recursive: true);
    }

    [Test]
    public void The_same_seed_writes_identical_files_and_another_seed_other_images()
    {
        var again = Generate(seed: 0);
        var other = Generate(seed: 1);
        try
        {
            var first = Files(Generated.Value);
            var second = Files(again);
            Assert.That(second.Keys, Is.EquivalentTo(first.Keys));
            foreach (var (name, bytes) in first) Assert.That(second[name], Is.EqualTo(bytes), name);
            var third = Files(other);
            Assert.That(third.Keys, Is.EquivalentTo(first.Keys));
            Assert.That(first.Count(kv => kv.Key.EndsWith(".JPEG", StringComparison.Ordinal) && !third[kv.Key].SequenceEqual(kv.Value)),
                Is.EqualTo(first.Keys.Count(k => k.EndsWith(".JPEG", StringComparison.Ordinal))));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    [Test]
    public void PSSLDataset_reads_the_tree_with_one_class_per_synset_and_the_top_decile_pseudo_mask_as_the_object()
    {
        var root = Generated.Value;
        var dataset = Build<PSSLDataset>($"node:\n  type: PSSLDataset\n  imagenet_root: {root}/pssl/ImageNet_org\n  pssl_root: {root}/pssl/pssl2.1_consensus\n  transforms: []\n");
        Assert.That(DemoData.Synsets, Has.Count.EqualTo(12));
        Assert.That(DemoData.Synsets.Select(s => s.Id).Distinct().Count(), Is.EqualTo(12));
        Assert.That(dataset.Count, Is.EqualTo(2 * 12));
        Assert.That(dataset.ClassIds.Keys, Is.EqualTo(DemoData.Synsets.Select(s => s.Id)));
        Assert.That(dataset.NumClasses, Is.EqualTo(13));
        Assert.That(dataset.IgnoreIndex, Is.EqualTo(13));
        for (var i = 0; i < dataset.Count; i++)
        {
            using var sample = dataset.GetSample(i, new SampleRandom(0, 0, i));
            var entry = dataset.Entries[i];
            var classId = i / 2;
            var mask = NpzReader.ReadArray(entry.LabelPath!);
            Assert.That(sample.Label!.shape, Is.EqualTo(mask.Shape.ToArray()));
            Assert.That(sample.Image.shape.Skip(1), Is.EqualTo(mask.Shape.ToArray()), "image (CHW) and mask sizes agree");
            using var label = sample.Label!.to(ScalarType.Int64).flatten();
            var values = label.data<long>().ToArray();
            var objectPixels = mask.Values.Count(v => v == 1);
            // The top decile of the explanation map: a tenth of the pixels, whatever the object's size.
            Assert.That(objectPixels, Is.EqualTo(values.Length - (int)(values.Length * 0.9)), entry.LabelPath);
            Assert.That(values.Count(v => v == classId), Is.EqualTo(objectPixels));
            Assert.That(values.Count(v => v == 12), Is.EqualTo(values.Length - objectPixels));
        }
    }

    [Test]
    public void Classes_txt_maps_each_hue_synset_to_the_target_group_of_three_neighbouring_hues()
    {
        var lines = File.ReadAllLines(Path.Combine(Generated.Value, "classes.txt"));
        Assert.That(lines, Has.Length.EqualTo(12));
        Assert.That(lines[0], Is.EqualTo("n90000000 red (PSSL class 0, seg label 1 warm)"));
        Assert.That(lines[2], Is.EqualTo("n90000060 yellow (PSSL class 2, seg label 1 warm)"));
        Assert.That(lines[3], Is.EqualTo("n90000090 chartreuse (PSSL class 3, seg label 2 green)"));
        Assert.That(lines[11], Is.EqualTo("n90000330 rose (PSSL class 11, seg label 4 purple)"));
        Assert.That(File.ReadAllLines(Path.Combine(Generated.Value, "seg", "labels.txt")), Is.EqualTo(new[] { "background", "warm", "green", "blue", "purple" }));
    }

    [Test]
    public void Dataset_reads_the_target_set_with_background_0_and_the_4_hue_groups()
    {
        var root = Path.Combine(Generated.Value, "seg");
        var train = Build<Dataset>($"node:\n  type: Dataset\n  dataset_root: {root}\n  train_path: {root}/train_list.txt\n  num_classes: 5\n  mode: train\n  transforms: []\n");
        var val = Build<Dataset>($"node:\n  type: Dataset\n  dataset_root: {root}\n  val_path: {root}/val_list.txt\n  num_classes: 5\n  mode: val\n  transforms: []\n");
        Assert.That(train.Count, Is.EqualTo(6));
        Assert.That(val.Count, Is.EqualTo(2));
        var seen = new HashSet<long>();
        for (var i = 0; i < train.Count; i++)
        {
            using var sample = train.GetSample(i, new SampleRandom(0, 0, i));
            Assert.That(sample.Image.shape, Is.EqualTo(new long[] { 3, 96, 128 }));
            using var label = sample.Label!.to(ScalarType.Int64).flatten();
            var values = label.data<long>().ToArray();
            Assert.That(values.Count(v => v == 0), Is.LessThan(values.Length), "each scene has objects");
            seen.UnionWith(values);
        }
        Assert.That(seen, Does.Contain(0L));
        Assert.That(seen.All(v => v is >= 0 and <= 4), Is.True, string.Join(", ", seen));
        Assert.That(seen.Count, Is.GreaterThan(2));
        Assert.That(Seg.Core.Evaluation.DatasetClassNames.For(val),
            Is.EqualTo(new[] { "background", "warm", "green", "blue", "purple" }), "labels.txt names the 5 label ids");
    }

    // The class cue is the hue: each source object's pixels keep its synset's hue (both shades, after JPEG), and each
    // labelled target region lies within its group's three hues (label 1: 0-60 degrees, 2: 90-150, ...).
    [Test]
    public void Objects_carry_their_synsets_hue_and_target_labels_their_hue_group()
    {
        var root = Generated.Value;
        foreach (var synset in DemoData.Synsets)
        {
            for (var i = 0; i < 2; i++)
            {
                var image = Path.Combine(root, "pssl", DemoData.ImagenetFolder, "train", synset.Id, $"{synset.Id}_{i}.JPEG");
                var truth = Path.Combine(root, "pssl", DemoData.GroundTruthFolder, "train", synset.Id, $"{synset.Id}_{i}.png");
                var hue = MeanHue(image, truth, 1);
                Assert.That(HueDistance(hue, synset.HueDegrees), Is.LessThan(10), $"{synset.Name}: mean hue {hue:F1}");
            }
        }
        var checkedRegions = 0;
        for (var i = 0; i < 6; i++)
        {
            var image = Path.Combine(root, "seg", "images", "train", $"{i:D4}.jpg");
            var label = Path.Combine(root, "seg", "labels", "train", $"{i:D4}.png");
            for (var c = 1; c <= DemoData.TargetClassCount; c++)
            {
                var hue = MeanHue(image, label, c);
                if (double.IsNaN(hue)) continue;
                var groupCentre = ((c - 1) * 90) + 30;
                Assert.That(HueDistance(hue, groupCentre), Is.LessThan(45), $"scene {i}, label {c}: mean hue {hue:F1}");
                checkedRegions++;
            }
        }
        Assert.That(checkedRegions, Is.GreaterThan(4));
    }

    // The circular mean of the hue (degrees, HSV's) over the pixels whose mask value is `value`; NaN when there are none.
    private static double MeanHue(string imagePath, string maskPath, int value)
    {
        using var image = ImageIO.read_image(imagePath);
        using var mask = ImageIO.read_image(maskPath, ImageReadMode.Unchanged);
        var bgr = image.data<byte>().ToArray();
        var m = mask.data<byte>().ToArray();
        double sx = 0, sy = 0;
        var n = 0;
        for (var p = 0; p < m.Length; p++)
        {
            if (m[p] != value) continue;
            double b = bgr[3 * p], g = bgr[(3 * p) + 1], r = bgr[(3 * p) + 2];
            double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
            if (max - min < 1) continue;
            var h = max == r ? 60 * ((g - b) / (max - min)) : max == g ? 60 * (2 + ((b - r) / (max - min))) : 60 * (4 + ((r - g) / (max - min)));
            sx += Math.Cos(h * Math.PI / 180);
            sy += Math.Sin(h * Math.PI / 180);
            n++;
        }
        return n == 0 ? double.NaN : ((Math.Atan2(sy, sx) * 180 / Math.PI) + 360) % 360;
    }

    private static double HueDistance(double a, double b) => Math.Abs(((a - b + 540) % 360) - 180);

    [TestCase("u8_2x3.npy", new long[] { 2, 3 })]
    [TestCase("u8_1000x1.npy", new long[] { 1000, 1 })]
    [TestCase("u8_5.npy", new long[] { 5 })]
    public void NpyWriter_writes_numpys_bytes(string fixture, long[] shape)
    {
        var expected = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "demo", fixture));
        using var reader = new MemoryStream(expected);
        var array = NpyReader.Read(reader, fixture);
        using var written = new MemoryStream();
        NpyWriter.WriteUInt8(written, array.Values.Select(v => (byte)v).ToArray(), shape);
        Assert.That(written.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void An_npz_round_trips_through_the_reader()
    {
        var path = Path.Combine(Path.GetTempPath(), "seg-npz-" + Guid.NewGuid().ToString("N") + ".npz");
        try
        {
            byte[] values = [0, 1, 1, 0, 255, 1];
            NpzWriter.WriteUInt8(path, values, [2, 3]);
            var array = NpzReader.ReadArray(path);
            Assert.That(array.Descr, Is.EqualTo("|u1"));
            Assert.That(array.Shape, Is.EqualTo(new long[] { 2, 3 }));
            Assert.That(array.Values, Is.EqualTo(values.Select(v => (long)v)));
            Assert.That(NpzReader.ReadKeys(path), Is.EqualTo(new[] { "arr_0" }));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
