namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: ResizeByLong</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record ResizeByLongOptions
{
    public required int LongSize { get; init; }
}
