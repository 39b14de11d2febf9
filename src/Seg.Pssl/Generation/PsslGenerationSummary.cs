using System.Globalization;

namespace Seg.Pssl.Generation;

/// <summary>What a generation run did: images written, already there (resumed), failed; constant maps; label disagreements; speed.</summary>
public sealed record PsslGenerationSummary(int Written, int Resumed, int Failed, int ConstantMaps, int Disagreements, int Models, TimeSpan Elapsed)
{
    public double ImagesPerSecond => Written == 0 ? 0 : Written / Math.Max(1e-9, Elapsed.TotalSeconds);

    /// <summary>Image explanations per second and classifier: images/s × committee size.</summary>
    public double ImagesPerSecondPerClassifier => ImagesPerSecond * Models;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"[PSSL] wrote {Written} masks ({Resumed} already done, {Failed} failed) in {Elapsed.TotalSeconds:F1} s: {ImagesPerSecond:F2} images/s with {Models} classifier(s) = {ImagesPerSecondPerClassifier:F2} image explanations/s per classifier; {ConstantMaps} constant map(s), {Disagreements} model top-1 disagreement(s) with the folder's class");
}
