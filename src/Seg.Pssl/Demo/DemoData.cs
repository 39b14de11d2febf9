using System.Globalization;
using Seg.Pssl.Npy;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Pssl.Demo;

/// <summary>
/// Generates Seg's demo data, PSSL's setting in miniature, deterministically from a seed (the same seed gives the same bytes):
/// <list type="bullet">
/// <item>a source of many pseudo-labelled images, an ImageNet + PSSL tree as PSSLDataset reads it
/// (<c>pssl/ImageNet_org/train/&lt;synset&gt;/&lt;synset&gt;_N.JPEG</c>, <c>pssl/pssl2.1_consensus/train/&lt;synset&gt;/&lt;synset&gt;_N.JPEG_eiseg.npz</c>,
/// <c>train.txt</c>, <c>imagenet_lsvrc_2015_synsets.txt</c>): one object per image, 12 fine-grained synsets (12 hues,
/// <see cref="DemoSynset"/>; shape and pattern random), and as mask a coarse top-decile region (<see cref="DemoPseudoMask"/>),
/// not the object's outline;</item>
/// <item>a related but different target with few labels (<c>seg/images</c>, single-channel PNG <c>seg/labels</c>,
/// <c>train_list.txt</c>/<c>val_list.txt</c>, <c>labels.txt</c>): scenes of 2 to 4 overlapping objects of any synset, labelled
/// exactly by coarser classes (background 0, 1..4 = three neighbouring hues each), including a shape the source never shows.</item>
/// </list>
/// </summary>
public static class DemoData
{
    public const string ImagenetFolder = "ImageNet_org";
    public const string PsslFolder = "pssl2.1_consensus";

    /// <summary>The source images' true object masks (<c>pssl/gt_masks/train/&lt;synset&gt;/&lt;synset&gt;_N.png</c>, 1 = object), for <c>seg pssl evaluate</c>.</summary>
    public const string GroundTruthFolder = "gt_masks";

    /// <summary>The PSSL source's classes in class-id order (by hue).</summary>
    public static IReadOnlyList<DemoSynset> Synsets { get; } = [.. Enumerable.Range(0, DemoSynset.Count).Select(h => new DemoSynset(h))];

    /// <summary>The target's object classes, each three neighbouring source synsets (label 1 = red, orange, yellow; ...).</summary>
    public const int TargetClassCount = 4;

    /// <summary>The target's label names, background first, as <c>labels.txt</c> lists them.</summary>
    public static IReadOnlyList<string> TargetLabelNames { get; } = ["background", "warm", "green", "blue", "purple"];

    // The source never shows crosses; the target does.
    private static readonly DemoShape[] SourceShapes = [DemoShape.Disc, DemoShape.Square, DemoShape.Triangle];

    private static readonly DemoTexture[] Textures = Enum.GetValues<DemoTexture>();

    /// <summary>Writes the demo data and returns where; progress and a summary go to <paramref name="log"/>.</summary>
    public static DemoDataSummary Generate(DemoDataOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegTrain, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SegVal, 1);
        var psslDir = Path.Combine(options.Output, "pssl");
        var imagenetRoot = Path.Combine(psslDir, ImagenetFolder);
        var psslRoot = Path.Combine(psslDir, PsslFolder);
        var segRoot = Path.Combine(options.Output, "seg");
        var psslCount = WritePssl(imagenetRoot, psslRoot, options);
        var train = WriteSplit(segRoot, "train", options.SegTrain, options.Seed, 100);
        var val = WriteSplit(segRoot, "val", options.SegVal, options.Seed, 200);
        File.WriteAllLines(Path.Combine(segRoot, "labels.txt"), TargetLabelNames);
        File.WriteAllText(Path.Combine(options.Output, "classes.txt"), string.Concat(Synsets.Select((s, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Id} {s.Name} (PSSL class {i}, seg label {s.TargetLabel} {TargetLabelNames[s.TargetLabel]})\n"))));
        log?.WriteLine($"wrote {psslCount} PSSL images of {Synsets.Count} synsets (12 hues, top-decile pseudo masks): imagenet_root {imagenetRoot}, pssl_root {psslRoot}");
        log?.WriteLine($"wrote {train} + {val} segmentation images (train/val, labelled by hue group: {string.Join(", ", TargetLabelNames)}): {segRoot}");
        return new DemoDataSummary(imagenetRoot, psslRoot, segRoot, psslCount, train, val);
    }

    private static int WritePssl(string imagenetRoot, string psslRoot, DemoDataOptions options)
    {
        Directory.CreateDirectory(psslRoot);
        var list = new List<string>();
        for (var k = 0; k < Synsets.Count; k++)
        {
            var synset = Synsets[k];
            Directory.CreateDirectory(Path.Combine(imagenetRoot, "train", synset.Id));
            Directory.CreateDirectory(Path.Combine(psslRoot, "train", synset.Id));
            var truthFolder = Path.Combine(Path.GetDirectoryName(psslRoot)!, GroundTruthFolder, "train", synset.Id);
            Directory.CreateDirectory(truthFolder);
            // Each image has its own generator, so writing them in parallel changes no byte.
            var stream = 1 + k;
            Parallel.For(0, options.Size, i =>
            {
                var random = DemoRandom.For(options.Seed, stream, i);
                var width = random.Next(96, 129);
                var height = random.Next(80, 105);
                var canvas = new DemoCanvas(width, height, random);
                var size = random.Uniform(0.22, 0.32) * Math.Min(width, height);
                var (cx, cy) = (random.Uniform(size, width - size), random.Uniform(size, height - size));
                var shape = SourceShapes[random.Next(0, SourceShapes.Length)];
                var texture = Textures[random.Next(0, Textures.Length)];
                canvas.Draw(shape, texture, synset.HueDegrees, cx, cy, size, 1);
                var mask = DemoPseudoMask.TopDecile(width, height, cx, cy, size, random);
                var name = $"{synset.Id}_{i}.JPEG";
                File.WriteAllBytes(Path.Combine(imagenetRoot, "train", synset.Id, name), Jpeg(canvas.ToRgb(), width, height));
                NpzWriter.WriteUInt8(Path.Combine(psslRoot, "train", synset.Id, name + "_eiseg.npz"), mask, [height, width]);
                using var truth = Tensor.FromBytes(canvas.Mask, [height, width], ScalarType.Byte);
                ImageIO.write_png(truth, Path.Combine(truthFolder, $"{synset.Id}_{i}.png"));
            });
            for (var i = 0; i < options.Size; i++) list.Add($"train/{synset.Id}/{synset.Id}_{i}.JPEG_eiseg.npz");
        }
        File.WriteAllLines(Path.Combine(psslRoot, PSSLDataset.TrainListName), list);
        File.WriteAllLines(Path.Combine(psslRoot, PSSLDataset.SynsetsFileName), Synsets.Select(s => s.Id));
        return list.Count;
    }

    // OpenCV's JPEG encoder (cv2.imwrite's, quality 95) over the canvas's RGB bytes.
    private static byte[] Jpeg(byte[] rgb, int width, int height)
    {
        using var image = Tensor.FromBytes(rgb, [height, width, 3], ScalarType.Byte);
        return ImageIO.encode(image, ".jpg", rgb: true);
    }

    private static string ImagePath(string split, int i) => string.Create(CultureInfo.InvariantCulture, $"images/{split}/{i:D4}.jpg");

    private static string LabelPath(string split, int i) => string.Create(CultureInfo.InvariantCulture, $"labels/{split}/{i:D4}.png");

    private static int WriteSplit(string root, string split, int count, int seed, int stream)
    {
        const int width = 128, height = 96;
        var shapes = Enum.GetValues<DemoShape>();
        Directory.CreateDirectory(Path.Combine(root, "images", split));
        Directory.CreateDirectory(Path.Combine(root, "labels", split));
        Parallel.For(0, count, i =>
        {
            var random = DemoRandom.For(seed, stream, i);
            var canvas = new DemoCanvas(width, height, random);
            var objects = random.Next(2, 5);
            for (var k = 0; k < objects; k++)
            {
                var synset = Synsets[random.Next(0, Synsets.Count)];
                var texture = Textures[random.Next(0, Textures.Length)];
                var shape = shapes[random.Next(0, shapes.Length)];
                var size = random.Uniform(0.15, 0.27) * height;
                canvas.Draw(shape, texture, synset.HueDegrees, random.Uniform(size * 0.5, width - (size * 0.5)), random.Uniform(size * 0.5, height - (size * 0.5)), size, (byte)synset.TargetLabel);
            }
            File.WriteAllBytes(Path.Combine(root, ImagePath(split, i)), Jpeg(canvas.ToRgb(), width, height));
            using var mask = Tensor.FromBytes(canvas.Mask, [height, width], ScalarType.Byte);
            ImageIO.write_png(mask, Path.Combine(root, LabelPath(split, i)));
        });
        File.WriteAllLines(Path.Combine(root, $"{split}_list.txt"), Enumerable.Range(0, count).Select(i => $"{ImagePath(split, i)} {LabelPath(split, i)}"));
        return count;
    }
}
