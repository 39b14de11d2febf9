namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomHorizontalFlip</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomHorizontalFlipOptions
{
    public double Prob { get; init; } = 0.5;
}
