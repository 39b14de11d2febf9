using System.Globalization;
using Seg.Pssl.Classification;
using Seg.Pssl.Explanation;
using Seg.Pssl.Generation;
using Seg.Pssl.Npy;

namespace Seg.Pssl.Tests.Generation;

public class PsslGeneratorTests
{
    private MiniImageNet tree = null!;
    private string output = null!;

    [SetUp]
    public void Create()
    {
        tree = new MiniImageNet();
        output = Path.Combine(tree.Root, "pssl");
    }

    [TearDown]
    public void Remove() => tree.Dispose();

    private static ImageClassifier Classifier(int classes)
    {
        torch.manual_seed(3);
        var model = new ImageClassifier(new ImageClassifierOptions { NumClasses = classes, Backbone = new TinyConvNet(new TinyConvNetOptions { Channels = [8, 16] }) });
        model.eval();
        return model;
    }

    private static List<string> Synsets1000() =>
        [.. Enumerable.Range(0, 998).Select(i => string.Create(CultureInfo.InvariantCulture, $"n{10000000 + i:D8}")).Concat(MiniImageNet.Synsets).Order(StringComparer.Ordinal)];

    private PsslGenerationSummary Generate(IReadOnlyList<string> synsets, ImageClassifier model, int workers = 1)
    {
        var (images, _) = PsslImageTree.Scan(tree.ImageRoot, synsets);
        var generator = new PsslGenerator([new("tiny", model)], new SmoothGrad(new SmoothGradOptions { Samples = 3 }), new PsslGenerationOptions { ResizeTo = 32, Seed = 5, Workers = workers });
        return generator.Run(images, synsets, output, TextWriter.Null);
    }

    [Test]
    public void Writes_the_tree_PSSLDataset_reads_with_masks_at_the_image_sizes()
    {
        var synsets = Synsets1000();
        using var model = Classifier(1000);
        var summary = Generate(synsets, model);
        var lines = File.ReadAllLines(Path.Combine(output, "train.txt"));
        Assert.Multiple(() =>
        {
            Assert.That(summary.Written, Is.EqualTo(5));
            Assert.That(File.ReadAllLines(Path.Combine(output, "imagenet_lsvrc_2015_synsets.txt")), Is.EqualTo(synsets));
            Assert.That(lines.Select(l => l.Split(".JPEG")[0] + ".JPEG"), Is.EquivalentTo(tree.Sizes.Keys));
            Assert.That(lines, Has.All.EndsWith(".JPEG_eiseg.npz"));
        });
        foreach (var line in lines)
        {
            var array = NpzReader.ReadArray(Path.Combine(output, line));
            var (w, h) = tree.Sizes[line.Split(".JPEG")[0] + ".JPEG"];
            Assert.That((array.Descr, array.Shape), Is.EqualTo(("|u1", new long[] { h, w })), line);
            Assert.That(array.Values.Distinct().Order(), Is.EqualTo(new long[] { 0, 1 }), line);
            Assert.That(array.Values.Count(v => v == 1) / (double)array.Values.Count, Is.EqualTo(0.1).Within(0.03), line);
        }

        // PaddleSeg's loader semantics: gt = 1000; gt[arr == 1] = class id of the file name's synset.
        var dataset = new PSSLDataset(new PSSLDatasetOptions { Transforms = [], ImagenetRoot = tree.ImageRoot, PsslRoot = output });
        var first = dataset.Entries.Single(e => e.ImagePath.EndsWith("n01443537_1.JPEG", StringComparison.Ordinal));
        using var label = dataset.ReadLabel(first.LabelPath!);
        var values = label.ToArray<int>();
        var npz = NpzReader.ReadArray(first.LabelPath!).Values;
        var classId = synsets.IndexOf("n01443537");
        Assert.That(values.Select((v, i) => v == (npz[i] == 1 ? classId : 1000)), Has.All.True);
        Assert.That(values.Distinct().Order(), Is.EqualTo(new[] { classId, 1000 }));
    }

    [Test]
    public void Numpy_reads_the_masks_as_written()
    {
        using var model = Classifier(2);
        Generate(MiniImageNet.Synsets, model);
        var line = File.ReadAllLines(Path.Combine(output, "train.txt"))[0];
        var path = Path.Combine(output, line);
        var ours = NpzReader.ReadArray(path);
        var printed = PythonOracle.Run(
            "import numpy as np\nz = np.load(sys.argv[1])\na = z['arr_0']\nprint(list(z.keys()), a.dtype, a.shape, a.flags['C_CONTIGUOUS'], int((a == 1).sum()), ' '.join(map(str, a.ravel())))", path).Trim();
        var expected = $"['arr_0'] uint8 ({ours.Shape[0]}, {ours.Shape[1]}) True {ours.Values.Count(v => v == 1)} {string.Join(' ', ours.Values)}";
        Assert.That(printed, Is.EqualTo(expected));
    }

    [Test]
    public void The_same_seed_gives_byte_identical_files_in_parallel_too()
    {
        using var model = Classifier(2);
        Generate(MiniImageNet.Synsets, model);
        var first = Directory.GetFiles(output, "*.npz", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        Directory.Delete(output, true);
        Generate(MiniImageNet.Synsets, model, workers: 2);
        var second = Directory.GetFiles(output, "*.npz", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void An_interrupted_run_resumes_without_rewriting_finished_masks()
    {
        using var model = Classifier(2);
        Generate(MiniImageNet.Synsets, model);
        var done = Directory.GetFiles(output, "*.npz", SearchOption.AllDirectories).Order().ToList();
        // Simulate an interruption: one mask never finished, another marked so a rewrite would show.
        File.Delete(done[0]);
        File.WriteAllText(Path.Combine(output, "train.txt"), "");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(done[1], stamp);
        var summary = Generate(MiniImageNet.Synsets, model);
        Assert.Multiple(() =>
        {
            Assert.That((summary.Written, summary.Resumed), Is.EqualTo((1, 4)));
            Assert.That(File.GetLastWriteTimeUtc(done[1]), Is.EqualTo(stamp));
            Assert.That(File.ReadAllLines(Path.Combine(output, "train.txt")), Has.Length.EqualTo(5));
        });
    }

    [Test]
    public void Undecodable_images_and_folders_that_are_not_synsets_are_skipped_by_name()
    {
        var bad = Path.Combine(tree.ImageRoot, "train", MiniImageNet.Synsets[0], $"{MiniImageNet.Synsets[0]}_9.JPEG");
        File.WriteAllText(bad, "not a jpeg");
        Directory.CreateDirectory(Path.Combine(tree.ImageRoot, "train", "not_a_synset"));
        File.WriteAllText(Path.Combine(tree.ImageRoot, "train", MiniImageNet.Synsets[1], "photo.jpg"), "x");
        var (images, skipped) = PsslImageTree.Scan(tree.ImageRoot, MiniImageNet.Synsets);
        using var model = Classifier(2);
        using var log = new StringWriter();
        var summary = new PsslGenerator([new("tiny", model)], new VanillaGradient(), new PsslGenerationOptions { ResizeTo = 32 }).Run(images, MiniImageNet.Synsets, output, log);
        Assert.Multiple(() =>
        {
            Assert.That(skipped, Has.Some.Contains("not_a_synset").And.Some.Contains("photo.jpg"));
            Assert.That(summary.Failed, Is.EqualTo(1));
            Assert.That(log.ToString(), Does.Contain(bad));
            Assert.That(File.ReadAllLines(Path.Combine(output, "train.txt")), Has.Length.EqualTo(5).And.None.Contains("_9.JPEG"));
        });
    }

    [Test]
    public void A_classifier_with_another_class_count_is_refused_by_name()
    {
        using var model = Classifier(3);
        var (images, _) = PsslImageTree.Scan(tree.ImageRoot, MiniImageNet.Synsets);
        var e = Assert.Throws<ArgumentException>(() => new PsslGenerator([new("configs/a.yml", model)], new Cam()).Run(images, MiniImageNet.Synsets, output, TextWriter.Null))!;
        Assert.That(e.Message, Does.Contain("configs/a.yml").And.Contain("3 classes").And.Contain("2"));
    }

    [Test]
    public void Evaluation_counts_pixels_against_the_true_masks()
    {
        // A perfect "prediction": the true masks themselves written as PSSL labels.
        var lines = new List<string>();
        foreach (var (relative, (w, h)) in tree.Sizes.Where(kv => !kv.Key.EndsWith("_3.JPEG", StringComparison.Ordinal)))
        {
            var line = relative + "_eiseg.npz";
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(output, line))!);
            using var truth = Core.Data.Datasets.LabelReader.Read(Path.Combine(tree.GroundTruth, relative.Replace(".JPEG", ".png", StringComparison.Ordinal)));
            NpzWriter.WriteUInt8(Path.Combine(output, line), truth.contiguous().ToBytes(), [h, w]);
            lines.Add(line);
        }
        lines.Add($"train/{MiniImageNet.Synsets[0]}/{MiniImageNet.Synsets[0]}_3.JPEG_eiseg.npz");
        File.WriteAllLines(Path.Combine(output, "train.txt"), lines);
        var metrics = PseudoMaskEvaluator.Evaluate(output, tree.GroundTruth);
        Assert.Multiple(() =>
        {
            Assert.That((metrics.Images, metrics.MissingGroundTruth), Is.EqualTo((4, 1)));
            Assert.That((metrics.MeanIoU, metrics.Precision, metrics.Recall), Is.EqualTo((1.0, 1.0, 1.0)));
            Assert.That(metrics.FalsePositive + metrics.FalseNegative, Is.Zero);
        });
    }
}
