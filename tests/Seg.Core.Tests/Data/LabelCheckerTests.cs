using Seg.Core.Data.Checking;

namespace Seg.Core.Tests.Data;

// seg data check's scan: out-of-range values, RGB labels, size mismatches, file by file.
[Category(TestCategories.NeedsShared)]
public class LabelCheckerTests
{
    [Test]
    public void ReportsEachKindOfProblem()
    {
        using var tree = new TempTree();
        var img = tree.Png("a.png", 17, 13, 3, 9);
        var small = tree.Png("small.png", 5, 5, 3, 9);
        var rgb = Path.Combine(DataFixtures.Dir, "label_rgb.png");
        var p8 = Path.Combine(DataFixtures.Dir, "label_p8.png"); // 17x13, indices 0..15
        Assert.That(LabelChecker.CheckFile(img, p8, 16, 255), Is.Empty);
        var range = LabelChecker.CheckFile(img, p8, 12, 255);
        Assert.That(range.Single().Problem, Does.StartWith("label values 12 (").And.Contain("15 (").And.EndWith("are outside [0, 12) and not ignore_index 255"));
        Assert.That(LabelChecker.CheckFile(img, rgb, 16, 255).Single().Problem, Does.StartWith("an RGB label (3 channels)"));
        Assert.That(LabelChecker.CheckFile(small, p8, 16, 255).Single().Problem, Is.EqualTo("size mismatch: the image is 5x5 (w x h) but the label is 17x13"));
        Assert.That(LabelChecker.CheckFile(img, Path.Combine(tree.Root, "missing.png"), 16, 255).Single().Problem, Does.StartWith("cannot read the label"));
    }

    [Test]
    public void CamVidNeedsIgnoreIndex11()
    {
        var image = Path.Combine(DataFixtures.CamVid, "train", "0001TP_006690.png");
        var label = Path.Combine(DataFixtures.CamVid, "trainannot", "0001TP_006690.png");
        Assert.That(LabelChecker.CheckFile(image, label, 11, 11), Is.Empty);
        Assert.That(LabelChecker.CheckFile(image, label, 11, 255).Single().Problem, Does.StartWith("label value 11 ("));
    }
}
