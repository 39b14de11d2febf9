namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomNoise</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomNoiseOptions
{
    public double Prob { get; init; } = 0.5;

    public double MaxSigma { get; init; } = 10.0;
}
