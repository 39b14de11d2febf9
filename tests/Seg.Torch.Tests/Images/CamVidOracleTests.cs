using Seg.Torch.Images;

namespace Seg.Torch.Tests.Images;

// CamVid frames and labels decode exactly as Python's cv2 (and PIL, for the label values) read them.
[Category(TestCategories.NeedsShared)]
public class CamVidOracleTests
{
    private const string Reader = """
        import cv2, numpy as np, torch, safetensors_io
        from PIL import Image
        out, files = sys.argv[1], sys.argv[2:]
        t = {}
        def hwc(a):
            return torch.from_numpy(np.ascontiguousarray(a if a.ndim == 3 else a[:, :, None]))
        for i, f in enumerate(files):
            t[f"color{i}"] = hwc(cv2.imread(f, cv2.IMREAD_COLOR))
            t[f"gray{i}"] = hwc(cv2.imread(f, cv2.IMREAD_GRAYSCALE))
            t[f"unchanged{i}"] = hwc(cv2.imread(f, cv2.IMREAD_UNCHANGED))
            t[f"pil{i}"] = hwc(np.array(Image.open(f)))
        safetensors_io.save(out, t)
        print(len(t))
        """;

    [Test]
    public void Frames_and_labels_match_cv2_and_pil()
    {
        var files = new[]
        {
            ImageFixtures.CamVidFile("train/0001TP_006690.png"),
            ImageFixtures.CamVidFile("trainannot/0001TP_006690.png"),
            ImageFixtures.CamVidFile("val/0016E5_07959.png"),
        };
        var oracle = ImageFixtures.TempPath(".safetensors");
        try
        {
            Assert.That(PythonOracle.Run(Reader, [oracle, .. files]).Trim(), Is.EqualTo("12"));
            using var expected = SafeTensors.Load(oracle);
            for (var i = 0; i < files.Length; i++)
            {
                using var color = ImageIO.read_image(files[i]);
                ImageFixtures.AssertSameImage(color, expected[$"color{i}"], files[i] + " color");
                Assert.That(color.shape, Is.EqualTo(new long[] { 360, 480, 3 }));
                using var gray = ImageIO.read_image(files[i], ImageReadMode.Grayscale);
                ImageFixtures.AssertSameImage(gray, expected[$"gray{i}"], files[i] + " grayscale");
                using var unchanged = ImageIO.read_image(files[i], ImageReadMode.Unchanged);
                ImageFixtures.AssertSameImage(unchanged, expected[$"unchanged{i}"], files[i] + " unchanged");
            }

            // The label: one channel of class ids 0..11, identical to PIL's reading.
            using var label = ImageIO.read_image(files[1], ImageReadMode.Unchanged);
            ImageFixtures.AssertSameImage(label, expected["pil1"], "label vs PIL");
            Assert.That(label.data<byte>().Max(), Is.LessThanOrEqualTo((byte)11));
            using var rgb = ImageIO.read_image(files[0], ImageReadMode.RGB);
            ImageFixtures.AssertSameImage(rgb, expected["pil0"], "frame RGB vs PIL");
        }
        finally
        {
            File.Delete(oracle);
        }
    }
}
