using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>RandomBlur's <c>blur_type</c>.</summary>
public enum BlurType
{
    [ConfigName("gaussian")] Gaussian,
    [ConfigName("median")] Median,
    [ConfigName("blur")] Blur,
    [ConfigName("random")] Random,
}
