namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: Padding</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record PaddingOptions
{
    /// <summary>(w, h).</summary>
    public required IReadOnlyList<int> TargetSize { get; init; }

    public double ImPaddingValue { get; init; } = 127.5;

    public double LabelPaddingValue { get; init; } = 255;
}
