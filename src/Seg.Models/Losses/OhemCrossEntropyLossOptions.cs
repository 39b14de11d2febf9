namespace Seg.Models.Losses;

/// <summary>The YAML keys of <c>type: OhemCrossEntropyLoss</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record OhemCrossEntropyLossOptions
{
    /// <summary>Pixels whose ground-truth probability is below this are hard.</summary>
    public double Thresh { get; init; } = 0.7;

    /// <summary>At least this many pixels of the batch are kept (the threshold rises to keep them).</summary>
    public long MinKept { get; init; } = 10000;

    public long IgnoreIndex { get; init; } = 255;

    /// <summary>One weight per class, or null. Rescales each pixel's loss; the mean stays over kept pixels.</summary>
    public IReadOnlyList<float>? Weight { get; init; }
}
