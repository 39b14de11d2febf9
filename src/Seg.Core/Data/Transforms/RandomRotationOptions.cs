namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomRotation</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomRotationOptions
{
    public double MaxRotation { get; init; } = 15;

    public double ImPaddingValue { get; init; } = 127.5;

    public double LabelPaddingValue { get; init; } = 255;
}
