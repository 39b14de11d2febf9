using Seg.Core.Data.Checking;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Logging;
using Seg.Core.Losses;
using Seg.Core.Tests.Data;
using Seg.Core.Training;

namespace Seg.Core.Tests.Training;

// Issue 12, cases 5 and 8: a label value out of range or a label of another size than its image stops training with
// the files named (not libtorch's "index 200 is out of bounds"); a resize that hides a size mismatch warns once per file.
public class TrainingDataErrorTests
{
    private static SegDataset Dataset(TempTree tree, int badLabelValue = 1, int badLabelWidth = 32, string resize = "")
    {
        tree.Png("a.png", 32, 32, 3, 100);
        tree.Png("b.png", 32, 32, 3, 150);
        tree.Png("a_l.png", 32, 32, 1, 1);
        tree.Png("b_l.png", badLabelWidth, 32, 1, (byte)badLabelValue);
        var list = tree.File("train.txt", "a.png a_l.png\nb.png b_l.png\n");
        return DataTestHelpers.Build<SegDataset>($$"""
            type: Dataset
            dataset_root: {{tree.Root}}
            train_path: {{list}}
            num_classes: 2
            mode: train
            transforms:
              {{(resize.Length > 0 ? resize + "\n  " : "")}}- {type: Normalize}
            """);
    }

    private static TrainingResult Train(SegDataset dataset, string saveDir)
    {
        var (m, o) = TrainingSetup.ModelAndOptimizer(2);
        using (m)
        using (o)
        {
            var options = new TrainerOptions { Iters = 2, BatchSize = 2, SaveDir = saveDir, SaveInterval = 2, LogIters = 1, Seed = 1 };
            return new Trainer(m, o, new LossSet([new TinyCrossEntropy()], [1.0]), dataset, options).Run();
        }
    }

    [Test]
    public void ALabelValueOutOfRangeNamesTheFilesTheValueAndSegDataCheck()
    {
        using var tree = new TempTree();
        var dataset = Dataset(tree, badLabelValue: 200);
        var e = Assert.Throws<LabelCheckException>(() => Train(dataset, Path.Combine(tree.Root, "out")))!;
        Assert.That(e.Message, Does.Contain("b_l.png").And.Contain("b.png").And.Contain("label value 200 (1024 pixels) is outside [0, 2) and not ignore_index 255")
            .And.Contain("seg data check"));
        Assert.That(e.Message, Does.Not.Contain("a_l.png"));
    }

    [Test]
    public void ALabelOfAnotherSizeNamesTheFilesAndSizes()
    {
        using var tree = new TempTree();
        var dataset = Dataset(tree, badLabelWidth: 30);
        var e = Assert.Throws<DataLoaderException>(() => Train(dataset, Path.Combine(tree.Root, "out")))!;
        Assert.That(e.Message, Does.Contain("b_l.png").And.Contain("b.png").And.Contain("is 30x32 (w x h) after the transforms but the image is 32x32").And.Contain("seg data check"));
    }

    [Test]
    public void AResizeThatHidesASizeMismatchWarnsOncePerFile()
    {
        using var tree = new TempTree();
        var dataset = Dataset(tree, badLabelWidth: 30, resize: "- {type: Resize, target_size: [16, 16]}");
        var log = new StringWriter();
        var previous = SegLog.Out;
        SegLog.Out = log;
        try
        {
            var (m, o) = TrainingSetup.ModelAndOptimizer(3);
            using (m)
            using (o)
            {
                var options = new TrainerOptions { Iters = 3, BatchSize = 2, SaveDir = Path.Combine(tree.Root, "out"), SaveInterval = 3, LogIters = 1, Seed = 1 };
                var result = new Trainer(m, o, new LossSet([new TinyCrossEntropy()], [1.0]), dataset, options).Run();
                Assert.That(result.Outcome, Is.EqualTo(TrainingOutcome.Completed), "a warning, not an error");
            }
        }
        finally
        {
            SegLog.Out = previous;
        }
        var warnings = log.ToString().Split('\n').Where(l => l.Contains("b_l.png", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(1), log.ToString());
        Assert.That(warnings[0], Does.Contain("is 30x32 (w x h) but its image").And.Contain("is 32x32").And.Contain("seg data check"));
    }
}
