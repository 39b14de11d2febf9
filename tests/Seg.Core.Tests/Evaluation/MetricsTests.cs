using Seg.Core.Evaluation;
using Seg.Torch;

namespace Seg.Core.Tests.Evaluation;

// The confusion matrix and §8.6's metrics against numpy (make_metrics.py) and hand-computed cases.
public class MetricsTests
{
    private static string FixturePath => Path.Combine(TestPaths.Fixtures, "metrics", "metrics.safetensors");

    [Test]
    public void Areas_and_metrics_over_several_images_equal_numpy()
    {
        using var f = SafeTensors.Load(FixturePath);
        var c = int.Parse(f.Metadata["num_classes"], System.Globalization.CultureInfo.InvariantCulture);
        var ignore = int.Parse(f.Metadata["ignore_index"], System.Globalization.CultureInfo.InvariantCulture);
        using var matrix = new ConfusionMatrix(c, ignore);
        var images = f["pred"].shape[0];
        for (var i = 0; i < images; i++)
        {
            using var p = f["pred"][i];
            using var l = f["label"][i];
            matrix.Add(p, l);
        }

        var (intersect, pred, label) = matrix.Areas();
        var r = EvaluationMetrics.Compute(matrix, (int)images);

        Assert.Multiple(() =>
        {
            Assert.That(intersect, Is.EqualTo(f["intersect"].data<long>()));
            Assert.That(pred, Is.EqualTo(f["pred_area"].data<long>()));
            Assert.That(label, Is.EqualTo(f["label_area"].data<long>()));
            Assert.That(r.ClassIoU, Is.EqualTo(f["class_iou"].data<double>()).Within(1e-12));
            Assert.That(r.ClassIoU[int.Parse(f.Metadata["absent_class"], System.Globalization.CultureInfo.InvariantCulture)], Is.EqualTo(1.0));
            Assert.That(r.MeanIoU, Is.EqualTo(f["miou"].data<double>()[0]).Within(1e-12));
            Assert.That(r.Accuracy, Is.EqualTo(f["acc"].data<double>()[0]).Within(1e-12));
            Assert.That(r.ClassPrecision, Is.EqualTo(f["class_precision"].data<double>()).Within(1e-12));
            Assert.That(r.ClassRecall, Is.EqualTo(f["class_recall"].data<double>()).Within(1e-12));
            Assert.That(r.Kappa, Is.EqualTo(f["kappa"].data<double>()[0]).Within(1e-12));
            Assert.That(r.ClassDice, Is.EqualTo(f["class_dice"].data<double>()).Within(1e-12));
            Assert.That(r.MeanDice, Is.EqualTo(f["mdice"].data<double>()[0]).Within(1e-12));
            Assert.That(r.ImageCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Hand_computed_case_with_ignored_out_of_range_and_absent_classes()
    {
        // 3 classes, ignore 255. Labels: 0 0 1 1 | 255 9 2 2 ; predictions: 0 1 1 1 | 2 0 0 2.
        // Class 2 has label pixels; class "absent" does not exist here, so use C = 4 for class 3 (absent everywhere).
        using var pred = torch.tensor(new long[] { 0, 1, 1, 1, 2, 0, 0, 2 }, [2, 4]);
        using var label = torch.tensor(new long[] { 0, 0, 1, 1, 255, 9, 2, 2 }, [2, 4]);
        using var m = new ConfusionMatrix(4, 255);
        m.Add(pred, label);

        var (i, p, l) = m.Areas();
        var r = EvaluationMetrics.Compute(m, 1);

        Assert.Multiple(() =>
        {
            // The pixel labelled 9 counts its prediction (0) in P but in no L; the ignored pixel counts nowhere.
            Assert.That(i, Is.EqualTo(new long[] { 1, 2, 1, 0 }));
            Assert.That(p, Is.EqualTo(new long[] { 3, 3, 1, 0 }));
            Assert.That(l, Is.EqualTo(new long[] { 2, 2, 2, 0 }));
            Assert.That(r.ClassIoU, Is.EqualTo(new[] { 1.0 / 4, 2.0 / 3, 1.0 / 2, 1.0 }).Within(1e-15));
            Assert.That(r.MeanIoU, Is.EqualTo((0.25 + 2.0 / 3 + 0.5 + 1.0) / 4).Within(1e-15));
            Assert.That(r.Accuracy, Is.EqualTo(4.0 / 7).Within(1e-15));
            Assert.That(r.ClassPrecision, Is.EqualTo(new[] { 1.0 / 3, 2.0 / 3, 1.0, 0.0 }).Within(1e-15));
            Assert.That(r.ClassRecall, Is.EqualTo(new[] { 0.5, 1.0, 0.5, 0.0 }).Within(1e-15));
            Assert.That(r.ClassDice, Is.EqualTo(new[] { 2.0 / 5, 4.0 / 5, 2.0 / 3, 0.0 }).Within(1e-15));
            // po = 4/6, pe = (3·2 + 3·2 + 1·2)/36.
            Assert.That(r.Kappa, Is.EqualTo((4.0 / 6 - 14.0 / 36) / (1 - 14.0 / 36)).Within(1e-15));
            Assert.That(m[0, 1], Is.EqualTo(1));
            Assert.That(m.OutOfRangeLabels(), Is.EqualTo(new long[] { 1, 0, 0, 0 }));
            Assert.That(r.ConfusionMatrix, Is.EqualTo(new long[,] { { 1, 1, 0, 0 }, { 0, 2, 0, 0 }, { 1, 0, 1, 0 }, { 0, 0, 0, 0 } }));
        });
    }

    [Test]
    public void Matrices_add_up_across_images_and_from_known_counts()
    {
        using var a = new ConfusionMatrix(2, 255);
        using var p = torch.tensor(new long[] { 0, 1, 1 }, [1, 3]);
        using var l = torch.tensor(new long[] { 0, 1, 0 }, [1, 3]);
        a.Add(p, l);
        a.Add(p, l);
        using var b = new ConfusionMatrix(2, 255, new long[,] { { 1, 0 }, { 0, 1 }, { 0, 0 } });
        b.Add(a);
        b.Add(p, l);

        Assert.That(b.ToArray(), Is.EqualTo(new long[,] { { 4, 3 }, { 0, 4 } }));
    }

    [Test]
    public void Shapes_must_match()
    {
        using var m = new ConfusionMatrix(2, 255);
        using var p = torch.zeros([1, 3], ScalarType.Int64);
        using var l = torch.zeros([1, 4], ScalarType.Int64);
        Assert.That(() => m.Add(p, l), Throws.ArgumentException.With.Message.Contains("differ in shape"));
    }

    [TestCase(new[] { 0, 0, 0, 0, 0.16011, 0, 0, 0, 0.0564, 0, 0 }, "[0.     0.     0.     0.     0.1601 0.     0.     0.     0.0564 0.\n 0.    ]")]
    [TestCase(new[] { 12.5, 0.5 }, "[12.5  0.5]")]
    [TestCase(new[] { 0.91234, 0.8, 1.0 }, "[0.9123 0.8    1.    ]")]
    public void Arrays_print_as_numpy_prints_them(double[] values, string numpy) => Assert.That(NumpyFormat.Array(values), Is.EqualTo(numpy));

    [Test]
    public void Summary_and_numpy_style_lines()
    {
        var r = new EvaluationResult(76, 0.85264, 0.99421, 0.82831, 0.9, [0.91234, 0.8, 1.0], [1, 0.5, 0.25], [0, 0, 0], [0, 0, 0]);
        using var log = new StringWriter();

        Evaluator.WriteSummary(log, r);

        Assert.That(log.ToString().Replace("\r", "", StringComparison.Ordinal), Does.StartWith(
            "[EVAL] #Images: 76 mIoU: 0.8526 Acc: 0.9942 Kappa: 0.8283 Dice: 0.9000\n[EVAL] Class IoU: \n[0.9123 0.8    1.    ]\n[EVAL] Class Precision: \n[1.   0.5  0.25]\n"));
    }
}
