namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: RandomPaddingCrop</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record RandomPaddingCropOptions
{
    /// <summary>(w, h).</summary>
    public IReadOnlyList<int> CropSize { get; init; } = [512, 512];

    /// <summary>The same value in every channel (the image is still 0..255 here).</summary>
    public double ImPaddingValue { get; init; } = 127.5;

    public double LabelPaddingValue { get; init; } = 255;

    public double CategoryMaxRatio { get; init; } = 1.0;

    public int IgnoreIndex { get; init; } = 255;

    public int LoopTimes { get; init; } = 10;
}
