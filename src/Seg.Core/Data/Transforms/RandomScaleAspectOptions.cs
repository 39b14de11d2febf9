namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomScaleAspect</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomScaleAspectOptions
{
    public double MinScale { get; init; } = 0.5;

    public double AspectRatio { get; init; } = 0.33;
}
