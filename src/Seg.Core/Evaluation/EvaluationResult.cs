namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's evaluation metrics over a whole dataset (spec §8.6), from the accumulated confusion matrix.</summary>
public sealed record EvaluationResult(
    int ImageCount,
    double MeanIoU,
    double Accuracy,
    double Kappa,
    double MeanDice,
    IReadOnlyList<double> ClassIoU,
    IReadOnlyList<double> ClassPrecision,
    IReadOnlyList<double> ClassRecall,
    IReadOnlyList<double> ClassDice);
