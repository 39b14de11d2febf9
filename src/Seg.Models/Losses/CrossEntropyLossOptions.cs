namespace Seg.Models.Losses;

/// <summary>The YAML keys of <c>type: CrossEntropyLoss</c> (PaddleSeg v2.8+ arguments and defaults).</summary>
public sealed record CrossEntropyLossOptions
{
    /// <summary>One weight per class, or null for equal weights.</summary>
    public IReadOnlyList<float>? Weight { get; init; }

    public long IgnoreIndex { get; init; } = 255;

    /// <summary>In (0, 1]: below 1, only the k = int(p · all pixels) largest per-pixel losses are averaged.</summary>
    public double TopKPercentPixels { get; init; } = 1.0;

    /// <summary>Average over non-ignored pixels (true) or over all pixels, ignored ones included (false).</summary>
    public bool AvgNonIgnore { get; init; } = true;

    public DataFormat DataFormat { get; init; } = DataFormat.NCHW;
}
