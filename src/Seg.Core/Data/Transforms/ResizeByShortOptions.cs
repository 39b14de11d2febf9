namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: ResizeByShort</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record ResizeByShortOptions
{
    public required int ShortSize { get; init; }

    public double MaxSize { get; init; } = 1e10;
}
