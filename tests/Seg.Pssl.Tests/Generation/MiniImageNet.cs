using Seg.Torch.Images;

namespace Seg.Pssl.Tests.Generation;

/// <summary>
/// A tiny ImageNet-style tree in a temporary folder: train/&lt;synset&gt;/&lt;synset&gt;_N.JPEG with a coloured disc on a
/// textured background, non-square, one greyscale JPEG and one CMYK JPEG (written by PIL), plus their true disc masks.
/// </summary>
internal sealed class MiniImageNet : IDisposable
{
    public static readonly string[] Synsets = ["n01440764", "n01443537"];

    public MiniImageNet()
    {
        Root = Path.Combine(Path.GetTempPath(), $"seg-mini-imagenet-{Guid.NewGuid():N}");
        var random = new Random(17);
        foreach (var (synset, k) in Synsets.Select((s, k) => (s, k)))
        {
            var folder = Directory.CreateDirectory(Path.Combine(Root, "images", "train", synset)).FullName;
            var truth = Directory.CreateDirectory(Path.Combine(Root, "gt", "train", synset)).FullName;
            for (var i = 0; i < 2; i++)
            {
                var (w, h) = (48 + (8 * i) + (4 * k), 36 + (4 * k));
                var (pixels, mask) = Draw(w, h, random);
                var name = $"{synset}_{i + 1}";
                using var image = Tensor.FromBytes(pixels, [h, w, 3], ScalarType.Byte);
                if (k == 1 && i == 1)
                {
                    using var gray = image.select(2, 1).contiguous();
                    File.WriteAllBytes(Path.Combine(folder, name + ".JPEG"), ImageIO.encode(gray, ".jpg"));
                }
                else
                {
                    File.WriteAllBytes(Path.Combine(folder, name + ".JPEG"), ImageIO.encode(image, ".jpg"));
                }
                using var m = Tensor.FromBytes(mask, [h, w], ScalarType.Byte);
                ImageIO.write_png(m, Path.Combine(truth, name + ".png"));
                Sizes[$"train/{synset}/{name}.JPEG"] = (w, h);
            }
        }
        var cmyk = Path.Combine(Root, "images", "train", Synsets[0], $"{Synsets[0]}_3.JPEG");
        PythonOracle.Run("from PIL import Image\nImage.new('CMYK', (40, 30), (0, 200, 50, 10)).save(sys.argv[1], 'JPEG')", cmyk);
        Sizes[$"train/{Synsets[0]}/{Synsets[0]}_3.JPEG"] = (40, 30);
    }

    public string Root { get; }

    public string ImageRoot => Path.Combine(Root, "images");

    public string GroundTruth => Path.Combine(Root, "gt");

    public Dictionary<string, (int Width, int Height)> Sizes { get; } = [];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static (byte[] Pixels, byte[] Mask) Draw(int w, int h, Random random)
    {
        var pixels = new byte[w * h * 3];
        var mask = new byte[w * h];
        var (cx, cy, r) = (w / 2.0 + random.Next(-4, 4), h / 2.0, h / 4.0);
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var inside = ((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= r * r;
                mask[(y * w) + x] = inside ? (byte)1 : (byte)0;
                for (var c = 0; c < 3; c++)
                    pixels[(((y * w) + x) * 3) + c] = inside ? (byte)(c == 0 ? 220 : 40) : (byte)(100 + random.Next(0, 30) + ((x / 4 % 2) * 20));
            }
        return (pixels, mask);
    }
}
