namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomBlur</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomBlurOptions
{
    public double Prob { get; init; } = 0.1;

    public BlurType BlurType { get; init; } = BlurType.Gaussian;
}
