namespace Seg.Models.Losses;

/// <summary>The YAML keys of <c>type: DetailAggregateLoss</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record DetailAggregateLossOptions
{
    /// <summary>Accepted and stored, but unused, as in PaddleSeg: ignore pixels produce boundaries too.</summary>
    public long IgnoreIndex { get; init; } = 255;
}
