using Seg.Core.Data.Datasets;
using Seg.Torch;

namespace Seg.Core.Tests.Data;

// Labels read as PIL's np.asarray(Image.open(...)) gives them (tests/fixtures/make_data.py).
[Category(TestCategories.NeedsShared)]
public class LabelReaderTests
{
    [TestCase("label_p8")]
    [TestCase("label_p4")]
    [TestCase("label_gray")]
    [TestCase("label_rgb")]
    public void MatchesPil(string name)
    {
        using var expected = SafeTensors.Load(Path.Combine(DataFixtures.Dir, "labels.safetensors"));
        using var actual = LabelReader.Read(Path.Combine(DataFixtures.Dir, name + ".png"));
        DataFixtures.AssertSame(actual, expected[name], name);
    }

    [Test]
    public void PaletteLabelsGiveIndicesNotColours()
    {
        using var label = LabelReader.Read(Path.Combine(DataFixtures.Dir, "label_p8.png"));
        using var max = label.max();
        Assert.That(label.dim(), Is.EqualTo(2));
        Assert.That(max.item<byte>(), Is.LessThan(16), "palette indices are 0..15; colours would reach 255");
    }

    [Test]
    public void CamVidLabelsAreGreyscaleClassIds()
    {
        using var label = LabelReader.Read(Path.Combine(DataFixtures.CamVid, "trainannot", "0001TP_006690.png"));
        Assert.That(label.shape, Is.EqualTo(new long[] { 360, 480 }));
        Assert.That(label.dtype, Is.EqualTo(ScalarType.Byte));
        using var max = label.max();
        Assert.That(max.item<byte>(), Is.EqualTo(11));
    }

    [Test]
    public void CorruptLabelNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"seg-corrupt-{Guid.NewGuid():N}.png");
        var bytes = File.ReadAllBytes(Path.Combine(DataFixtures.Dir, "label_p8.png"));
        File.WriteAllBytes(path, bytes[..60]);
        try
        {
            var e = Assert.Throws<Seg.Torch.Images.ImageDecodeException>(() => LabelReader.Read(path));
            Assert.That(e!.Message, Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
