using Seg.Core.Visualization;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Tests.Visualization;

public class ConfusionMatrixImageTests
{
    private string dir = null!;

    [SetUp]
    public void SetUp() => dir = Directory.CreateTempSubdirectory("seg-cm-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void Heat_map_is_row_normalised_with_square_cells()
    {
        long[,] matrix = { { 3, 1, 0 }, { 0, 0, 0 }, { 5, 0, 5 } };
        var path = Path.Combine(dir, "sub", "cm.png");

        ConfusionMatrixImage.Write(path, matrix, ["road", "sky", "car"]);

        using var image = ImageIO.read_image(path, ImageReadMode.RGB);
        var k = ConfusionMatrixImage.CellSize(3);
        Assert.That(k, Is.EqualTo(32));
        Assert.That(image.shape, Is.EqualTo(new long[] { 3 * k, 3 * k, 3 }));
        // share -> white (255,255,255) .. (8,48,107), linear, rounded half away from zero
        var expected = new (int Row, int Col, byte[] Rgb)[]
        {
            (0, 0, [70, 100, 144]),   // 0.75: 255 - 247*0.75 = 69.75, 255 - 207*0.75 = 99.75, 255 - 148*0.75 = 144
            (0, 1, [193, 203, 218]),  // 0.25
            (0, 2, [255, 255, 255]),
            (1, 1, [255, 255, 255]),  // an empty row stays white
            (2, 0, [132, 152, 181]),  // 0.5
            (2, 2, [132, 152, 181]),
        };
        foreach (var (row, col, rgb) in expected)
        {
            foreach (var (y, x) in new[] { (row * k, col * k), ((row * k) + k - 1, (col * k) + k - 1) })
            {
                using var rowPixels = image[y];
                using var pixel = rowPixels[x];
                Assert.That(pixel.data<byte>(), Is.EqualTo(rgb), $"cell ({row}, {col}) pixel ({y}, {x})");
            }
        }
    }

    [Test]
    public void Colours_run_from_white_to_dark_blue()
    {
        Assert.That(ConfusionMatrixImage.CellColor(0), Is.EqualTo(((byte)255, (byte)255, (byte)255)));
        Assert.That(ConfusionMatrixImage.CellColor(1), Is.EqualTo(((byte)8, (byte)48, (byte)107)));
        Assert.That(ConfusionMatrixImage.CellColor(0.5), Is.EqualTo(((byte)132, (byte)152, (byte)181)));
    }

    [Test]
    public void Large_matrices_shrink_cells_and_names_must_match()
    {
        Assert.That(ConfusionMatrixImage.CellSize(19), Is.EqualTo(32));
        Assert.That(ConfusionMatrixImage.CellSize(150), Is.EqualTo(6));
        Assert.That(ConfusionMatrixImage.CellSize(1001), Is.EqualTo(1));
        Assert.That(() => ConfusionMatrixImage.Render(new long[2, 2], ["a"]), Throws.ArgumentException.With.Message.Contains("1 class names"));
        Assert.That(() => ConfusionMatrixImage.Render(new long[2, 3]), Throws.ArgumentException);
    }
}
