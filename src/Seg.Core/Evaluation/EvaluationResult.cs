namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's evaluation metrics over a whole dataset (paddleseg/utils/metrics.py), from the accumulated confusion matrix.</summary>
public sealed record EvaluationResult(
    int ImageCount,
    double MeanIoU,
    double Accuracy,
    double Kappa,
    double MeanDice,
    IReadOnlyList<double> ClassIoU,
    IReadOnlyList<double> ClassPrecision,
    IReadOnlyList<double> ClassRecall,
    IReadOnlyList<double> ClassDice)
{
    /// <summary>Pixel counts, [label, prediction], C×C (labels outside 0..C−1 and ignored pixels left out); null when not kept.</summary>
    public long[,]? ConfusionMatrix { get; init; }

    /// <summary>The ignore_index the matrix was accumulated with.</summary>
    public int? IgnoreIndex { get; init; }

    /// <summary>PaddleSeg's summary line: <c>[EVAL] #Images: N mIoU: 0.1234 Acc: ... Kappa: ... Dice: ...</c>.</summary>
    public string SummaryLine() => FormattableString.Invariant($"[EVAL] #Images: {ImageCount} mIoU: {MeanIoU:F4} Acc: {Accuracy:F4} Kappa: {Kappa:F4} Dice: {MeanDice:F4}");
}
