namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomDistort</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomDistortOptions
{
    public double BrightnessRange { get; init; } = 0.5;

    public double BrightnessProb { get; init; } = 0.5;

    public double ContrastRange { get; init; } = 0.5;

    public double ContrastProb { get; init; } = 0.5;

    public double SaturationRange { get; init; } = 0.5;

    public double SaturationProb { get; init; } = 0.5;

    public double HueRange { get; init; } = 18;

    public double HueProb { get; init; } = 0.5;

    public double SharpnessRange { get; init; } = 0.5;

    public double SharpnessProb { get; init; }
}
