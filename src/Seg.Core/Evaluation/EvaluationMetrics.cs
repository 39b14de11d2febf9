namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's metrics (paddleseg/utils/metrics.py) over accumulated areas.</summary>
public static class EvaluationMetrics
{
    /// <summary>All metrics of <paramref name="matrix"/>; the result carries the C×C matrix too.</summary>
    public static EvaluationResult Compute(ConfusionMatrix matrix, int imageCount)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var (intersect, pred, label) = matrix.Areas();
        var (iou, miou) = MeanIoU(intersect, pred, label);
        var (dice, mdice) = Dice(intersect, pred, label);
        return new EvaluationResult(imageCount, miou, Accuracy(intersect, pred), Kappa(intersect, pred, label), mdice,
            iou, ClassPrecision(intersect, pred), ClassRecall(intersect, label), dice)
        {
            ConfusionMatrix = matrix.ToArray(),
            IgnoreIndex = matrix.IgnoreIndex,
        };
    }

    /// <summary>Class IoU I/(P+L−I), 1.0 where the union is 0 (absent classes count as perfect), and their mean over all C.</summary>
    public static (double[] ClassIoU, double MeanIoU) MeanIoU(long[] intersect, long[] pred, long[] label)
    {
        var iou = Per(intersect, (i, c) => pred[c] + label[c] - i is var union and > 0 ? (double)i / union : 1.0);
        return (iou, iou.Average());
    }

    /// <summary>Pixel accuracy ΣI/ΣP (0 when nothing was predicted).</summary>
    public static double Accuracy(long[] intersect, long[] pred)
    {
        var p = pred.Sum();
        return p == 0 ? 0 : (double)intersect.Sum() / p;
    }

    /// <summary>I/P per class, 0 where P is 0.</summary>
    public static double[] ClassPrecision(long[] intersect, long[] pred) => Per(intersect, (i, c) => pred[c] == 0 ? 0 : (double)i / pred[c]);

    /// <summary>I/L per class, 0 where L is 0.</summary>
    public static double[] ClassRecall(long[] intersect, long[] label) => Per(intersect, (i, c) => label[c] == 0 ? 0 : (double)i / label[c]);

    /// <summary>Cohen's kappa in float64: po = ΣI/ΣL, pe = Σ(P·L)/(ΣL)².</summary>
    public static double Kappa(long[] intersect, long[] pred, long[] label)
    {
        double total = label.Sum();
        var po = intersect.Sum() / total;
        var pe = pred.Zip(label, (p, l) => (double)p * l).Sum() / (total * total);
        return (po - pe) / (1 - pe);
    }

    /// <summary>Dice 2I/(P+L) per class, 0 where P+L is 0, and the mean over all C.</summary>
    public static (double[] ClassDice, double MeanDice) Dice(long[] intersect, long[] pred, long[] label)
    {
        var dice = Per(intersect, (i, c) => pred[c] + label[c] is var union and > 0 ? 2.0 * i / union : 0);
        return (dice, dice.Average());
    }

    private static double[] Per(long[] intersect, Func<long, int, double> f)
    {
        ArgumentNullException.ThrowIfNull(intersect);
        return intersect.Select((v, c) => f(v, c)).ToArray();
    }
}
