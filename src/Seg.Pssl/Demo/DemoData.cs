using System.Globalization;
using Seg.Pssl.Npy;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Pssl.Demo;

/// <summary>
/// Generates Seg's demo data, deterministically from a seed (the same seed gives the same bytes):
/// <list type="bullet">
/// <item>an ImageNet + PSSL tree as PSSLDataset reads it (<c>pssl/ImageNet_org/train/&lt;synset&gt;/&lt;synset&gt;_N.JPEG</c>,
/// <c>pssl/pssl2.1_consensus/train/&lt;synset&gt;/&lt;synset&gt;_N.JPEG_eiseg.npz</c> with <c>arr_0</c> = 1 on the object,
/// <c>train.txt</c>, <c>imagenet_lsvrc_2015_synsets.txt</c>): one object per image, one synset per class;</item>
/// <item>a segmentation dataset of the same kind of scenes with several objects (<c>seg/images</c>, single-channel PNG
/// <c>seg/labels</c> with 0 = background and 1..K = the classes, <c>train_list.txt</c>/<c>val_list.txt</c>).</item>
/// </list>
/// </summary>
public static class DemoData
{
    public const string ImagenetFolder = "ImageNet_org";
    public const string PsslFolder = "pssl2.1_consensus";

    /// <summary>The object classes in class-id order (PSSL class id = index; segmentation label = index + 1).</summary>
    public static IReadOnlyList<DemoShape> Classes { get; } = Enum.GetValues<DemoShape>();

    /// <summary>The made-up synset id of a class (nXXXXXXXX, as ImageNet's).</summary>
    public static string Synset(DemoShape shape) => $"n9000000{(int)shape + 1}";

    /// <summary>Writes the demo data and returns where; progress and a summary go to <paramref name="log"/>.</summary>
    public static DemoDataSummary Generate(DemoDataOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Size, 1);
        var psslDir = Path.Combine(options.Output, "pssl");
        var imagenetRoot = Path.Combine(psslDir, ImagenetFolder);
        var psslRoot = Path.Combine(psslDir, PsslFolder);
        var segRoot = Path.Combine(options.Output, "seg");
        var psslCount = WritePssl(imagenetRoot, psslRoot, options);
        var (train, val) = WriteSegmentation(segRoot, options);
        File.WriteAllText(Path.Combine(options.Output, "classes.txt"), string.Concat(Classes.Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{Synset(c)} {c.ToString().ToLowerInvariant()} (PSSL class {(int)c}, seg label {(int)c + 1})\n"))));
        log?.WriteLine($"wrote {psslCount} PSSL images of {Classes.Count} classes: imagenet_root {imagenetRoot}, pssl_root {psslRoot}");
        log?.WriteLine($"wrote {train} + {val} segmentation images (train/val, {Classes.Count} classes + background 0): {segRoot}");
        log?.WriteLine($"classes: {string.Join(", ", Classes.Select(c => $"{Synset(c)} {c.ToString().ToLowerInvariant()}"))}");
        return new DemoDataSummary(imagenetRoot, psslRoot, segRoot, psslCount, train, val);
    }

    private static int WritePssl(string imagenetRoot, string psslRoot, DemoDataOptions options)
    {
        Directory.CreateDirectory(psslRoot);
        var list = new List<string>();
        foreach (var shape in Classes)
        {
            var synset = Synset(shape);
            Directory.CreateDirectory(Path.Combine(imagenetRoot, "train", synset));
            Directory.CreateDirectory(Path.Combine(psslRoot, "train", synset));
            // Each image has its own generator, so writing them in parallel changes no byte.
            Parallel.For(0, options.Size, i =>
            {
                var random = DemoRandom.For(options.Seed, 1 + (int)shape, i);
                var width = random.Next(112, 161);
                var height = random.Next(96, 129);
                var canvas = new DemoCanvas(width, height, random);
                var size = random.Uniform(0.25, 0.4) * Math.Min(width, height);
                canvas.Draw(shape, random.Uniform(size, width - size), random.Uniform(size, height - size), size, 1);
                var name = $"{synset}_{i}.JPEG";
                File.WriteAllBytes(Path.Combine(imagenetRoot, "train", synset, name), Jpeg(canvas.ToRgb(), width, height));
                NpzWriter.WriteUInt8(Path.Combine(psslRoot, "train", synset, name + "_eiseg.npz"), canvas.Mask, [height, width]);
            });
            for (var i = 0; i < options.Size; i++) list.Add($"train/{synset}/{synset}_{i}.JPEG_eiseg.npz");
        }
        File.WriteAllLines(Path.Combine(psslRoot, PSSLDataset.TrainListName), list);
        File.WriteAllLines(Path.Combine(psslRoot, PSSLDataset.SynsetsFileName), Classes.Select(Synset));
        return list.Count;
    }

    private static (int Train, int Val) WriteSegmentation(string root, DemoDataOptions options)
    {
        var train = WriteSplit(root, "train", 3 * options.Size, options.Seed, 100);
        var val = WriteSplit(root, "val", options.Size, options.Seed, 200);
        // Class names for evaluation tables (labels.txt in dataset_root, one per label id).
        File.WriteAllLines(Path.Combine(root, "labels.txt"), Classes.Select(c => c.ToString().ToLowerInvariant()).Prepend("background"));
        return (train, val);
    }

    // OpenCV's JPEG encoder (cv2.imwrite's, quality 95) over the canvas's RGB bytes.
    private static byte[] Jpeg(byte[] rgb, int width, int height)
    {
        using var image = Tensor.FromBytes(rgb, [height, width, 3], ScalarType.Byte);
        using var bgr = ImageIO.bgr_to_rgb(image);
        return ImageWriter.encode(bgr, ".jpg");
    }

    private static string ImagePath(string split, int i) => string.Create(CultureInfo.InvariantCulture, $"images/{split}/{i:D4}.jpg");

    private static string LabelPath(string split, int i) => string.Create(CultureInfo.InvariantCulture, $"labels/{split}/{i:D4}.png");

    private static int WriteSplit(string root, string split, int count, int seed, int stream)
    {
        const int width = 128, height = 96;
        Directory.CreateDirectory(Path.Combine(root, "images", split));
        Directory.CreateDirectory(Path.Combine(root, "labels", split));
        Parallel.For(0, count, i =>
        {
            var random = DemoRandom.For(seed, stream, i);
            var canvas = new DemoCanvas(width, height, random);
            var objects = random.Next(1, 4);
            for (var k = 0; k < objects; k++)
            {
                var shape = Classes[random.Next(0, Classes.Count)];
                var size = random.Uniform(0.16, 0.3) * height;
                canvas.Draw(shape, random.Uniform(size * 0.5, width - (size * 0.5)), random.Uniform(size * 0.5, height - (size * 0.5)), size, (byte)((int)shape + 1));
            }
            File.WriteAllBytes(Path.Combine(root, ImagePath(split, i)), Jpeg(canvas.ToRgb(), width, height));
            using var mask = Tensor.FromBytes(canvas.Mask, [height, width], ScalarType.Byte);
            ImageIO.write_png(mask, Path.Combine(root, LabelPath(split, i)));
        });
        File.WriteAllLines(Path.Combine(root, $"{split}_list.txt"), Enumerable.Range(0, count).Select(i => $"{ImagePath(split, i)} {LabelPath(split, i)}"));
        return count;
    }
}
