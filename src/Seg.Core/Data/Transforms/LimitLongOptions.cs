namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: LimitLong</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record LimitLongOptions
{
    public int? MaxLong { get; init; }

    public int? MinLong { get; init; }
}
