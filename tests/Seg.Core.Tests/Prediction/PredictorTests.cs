using Seg.Core.Data;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Transforms;
using Seg.Core.Prediction;
using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Tests.Prediction;

// The predict pipeline with a fake logits function whose answer is known: files, names, palette, wrap-around rules.
public class PredictorTests
{
    private string root = null!;

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("seg-predict-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    // A w x h BGR image whose blue channel is x and green channel y (so a fake model can read positions back).
    private string Image(string relative, int w, int h)
    {
        var path = Path.Combine(root, "images", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var pixels = new byte[h * w * 3];
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
                (pixels[((y * w) + x) * 3], pixels[(((y * w) + x) * 3) + 1], pixels[(((y * w) + x) * 3) + 2]) = ((byte)x, (byte)y, 9);
        using var t = torch.tensor(pixels, [h, w, 3], ScalarType.Byte);
        ImageIO.write_image(t, path);
        return path;
    }

    // Logits whose argmax is (x + step·y) mod classes, from the RGB image (R = 9, G = y, B = x after BGR->RGB).
    private static ImageLogits Fake(int classes, List<(long[] Shape, double Red)> calls, int step = 3) => (image, transInfo) =>
    {
        using var scope = torch.NewDisposeScope();
        calls.Add((image.shape, image[0][0].mean().item<float>()));
        var x = image[0][2];
        var y = image[0][1];
        var target = ((x + (y * step)) % classes).to(ScalarType.Int64);
        var logits = torch.nn.functional.one_hot(target, classes).permute(2, 0, 1).unsqueeze(0).to(ScalarType.Float32);
        return logits.MoveToOuterDisposeScope();
    };

    private static int[] Expected(int w, int h, int classes, int step = 3) =>
        Enumerable.Range(0, h).SelectMany(y => Enumerable.Range(0, w).Select(x => (x + (step * y)) % classes)).ToArray();

    [Test]
    public void Each_image_gives_palette_png_overlay_and_raw_ids_under_its_relative_name()
    {
        Image("a.png", 6, 4);
        Image("sub/b.jpg", 5, 3);
        var calls = new List<(long[] Shape, double Red)>();
        var outputs = new PredictionOutputs(Path.Combine(root, "out"), numClasses: 11, customColor: [1, 2, 3]);
        var predictor = new Predictor(new Compose([]), Fake(11, calls), outputs);
        using var log = new StringWriter();

        var files = predictor.Run(ImageDiscovery.Find(Path.Combine(root, "images")), log);

        Assert.That(files.Select(f => Path.GetRelativePath(outputs.SaveDir, f.Added)), Is.EqualTo(new[] { Path.Combine("added_prediction", "a.png"), Path.Combine("added_prediction", "sub", "b.jpg") }));
        Assert.That(files[1].PseudoColor, Is.EqualTo(Path.Combine(outputs.SaveDir, "pseudo_color_prediction", "sub", "b.png")));
        Assert.That(files[1].Label, Is.EqualTo(Path.Combine(outputs.SaveDir, "label_prediction", "sub", "b.png")));
        Assert.That(calls.Select(c => c.Shape), Is.EqualTo(new[] { new long[] { 1, 3, 4, 6 }, [1, 3, 3, 5] }));
        Assert.That(calls[0].Red, Is.EqualTo(9.0), "channel 0 is red: the image was converted to RGB");
        Assert.That(log.ToString(), Does.Contain("[2/2] " + Path.Combine("sub", "b.jpg")));

        var palette = ColorMap.GetColorMapList(256, [1, 2, 3]);
        var ids = Expected(6, 4, 11).Select(i => (byte)i).ToArray();
        var (h, w, indices) = PngPaletteDecoder.Decode(File.ReadAllBytes(files[0].PseudoColor));
        Assert.That((h, w, indices), Is.EqualTo((4, 6, ids)));
        using (var raw = ImageIO.read_image(files[0].Label, ImageReadMode.Unchanged))
        {
            Assert.That(raw.dtype, Is.EqualTo(ScalarType.Byte));
            Assert.That(raw.data<byte>(), Is.EqualTo(ids));
        }
        using (var added = ImageIO.read_image(files[0].Added))
        using (var original = ImageIO.read_image(Path.Combine(root, "images", "a.png")))
        {
            var o = original.data<byte>();
            var a = added.data<byte>();
            for (var p = 0; p < ids.Length; p++)
            {
                for (var c = 0; c < 3; c++)
                {
                    // BGR output: channel c is palette colour component 2 - c
                    var expected = Math.Round((0.6 * o[(p * 3) + c]) + (0.4 * palette[(ids[p] * 3) + 2 - c]), MidpointRounding.ToEven);
                    Assert.That(a[(p * 3) + c], Is.EqualTo((byte)expected), $"pixel {p} channel {c}");
                }
            }
        }
        Assert.That(ImageIO.read_image(files[1].Added).shape, Is.EqualTo(new long[] { 3, 5, 3 }), "the JPEG overlay keeps the image size");
    }

    [Test]
    public void Val_transforms_run_and_their_trans_info_reaches_the_logits_function()
    {
        var path = Image("a.png", 8, 6);
        var calls = new List<(long[] Shape, int TransInfo)>();
        var resize = new Resize(new ResizeOptions { TargetSize = [4, 4] });
        ImageLogits logits = (image, transInfo) =>
        {
            calls.Add((image.shape, transInfo.Count));
            Assert.That(transInfo[0], Is.EqualTo(new TransInfo(TransInfoKind.Resize, 6, 8)));
            return torch.zeros([1, 2, 6, 8]);
        };
        var predictor = new Predictor(new Compose([resize, new Normalize(new NormalizeOptions())]), logits, new PredictionOutputs(Path.Combine(root, "out"), 2));

        using var prediction = predictor.Predict(path);

        Assert.That(calls.Single(), Is.EqualTo((new long[] { 1, 3, 4, 4 }, 1)));
        Assert.That(prediction.shape, Is.EqualTo(new long[] { 6, 8 }));
    }

    [Test]
    public void More_than_256_classes_give_rgb_pseudo_colour_and_16_bit_ids()
    {
        Image("a.png", 40, 12);
        var outputs = new PredictionOutputs(Path.Combine(root, "out"), numClasses: 1001);
        var predictor = new Predictor(new Compose([]), Fake(1001, [], step: 90), outputs);

        var files = predictor.Run(ImageDiscovery.Find(Path.Combine(root, "images")));

        var ids = Expected(40, 12, 1001, step: 90);
        Assert.That(ids.Max(), Is.GreaterThan(255));
        using var raw = ImageIO.read_image(files[0].Label, ImageReadMode.Unchanged);
        Assert.That(raw.to(ScalarType.Int32).data<int>(), Is.EqualTo(ids));
        var palette = ColorMap.GetColorMapList(1001);
        using var rgb = ImageIO.read_image(files[0].PseudoColor, ImageReadMode.RGB);
        Assert.That(rgb.data<byte>(), Is.EqualTo(ids.SelectMany(i => palette.Skip(i * 3).Take(3)).ToArray()));
    }

    [Test]
    public void Logits_of_the_wrong_shape_are_an_error()
    {
        var path = Image("a.png", 4, 4);
        var predictor = new Predictor(new Compose([]), (_, _) => torch.zeros([2, 4, 4]), new PredictionOutputs(Path.Combine(root, "out"), 2));

        Assert.That(() => predictor.Predict(path), Throws.InvalidOperationException.With.Message.Contains("[1, K, H, W]"));
    }
}
