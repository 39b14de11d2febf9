using System.Globalization;

namespace Seg.Pssl.Generation;

/// <summary>
/// Pseudo-mask quality over a set of images, from pixel counts accumulated over all of them: IoU of the object and of
/// the background and their mean (mIoU), and the object's precision and recall (the mask is the top decile).
/// </summary>
public sealed record PseudoMaskMetrics(int Images, int MissingGroundTruth, long TruePositive, long FalsePositive, long FalseNegative, long TrueNegative)
{
    public double ObjectIoU => Ratio(TruePositive, TruePositive + FalsePositive + FalseNegative);

    public double BackgroundIoU => Ratio(TrueNegative, TrueNegative + FalsePositive + FalseNegative);

    public double MeanIoU => (ObjectIoU + BackgroundIoU) / 2;

    public double Precision => Ratio(TruePositive, TruePositive + FalsePositive);

    public double Recall => Ratio(TruePositive, TruePositive + FalseNegative);

    /// <summary>The fraction of pixels the pseudo masks call object.</summary>
    public double ObjectFraction => Ratio(TruePositive + FalsePositive, TruePositive + FalsePositive + FalseNegative + TrueNegative);

    public static string Header => "| pseudo masks | images | mIoU | object IoU | background IoU | precision | recall | object fraction |";

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Images} | {MeanIoU:F4} | {ObjectIoU:F4} | {BackgroundIoU:F4} | {Precision:F4} | {Recall:F4} | {ObjectFraction:F4} |");

    private static double Ratio(long a, long b) => b == 0 ? double.NaN : (double)a / b;
}
