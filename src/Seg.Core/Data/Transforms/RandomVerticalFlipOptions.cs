namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomVerticalFlip</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomVerticalFlipOptions
{
    public double Prob { get; init; } = 0.1;
}
