using System.Globalization;

namespace Seg.Pssl.Classification;

/// <summary>Classification quality over a dataset: top-1 and top-5 accuracy (single-label) or mean average precision (multi-label).</summary>
public sealed record ClassificationMetrics(int ImageCount, bool MultiLabel, double Top1, double Top5, double MeanAveragePrecision)
{
    /// <summary>The metric that ranks checkpoints: top-1, or mAP for multi-label.</summary>
    public double Primary => MultiLabel ? MeanAveragePrecision : Top1;

    public string SummaryLine() => MultiLabel
        ? string.Create(CultureInfo.InvariantCulture, $"[EVAL] #Images: {ImageCount} mAP: {MeanAveragePrecision:F4}")
        : string.Create(CultureInfo.InvariantCulture, $"[EVAL] #Images: {ImageCount} top-1: {Top1:F4} top-5: {Top5:F4}");
}
