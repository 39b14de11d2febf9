namespace Seg.Pssl.Demo;

/// <summary>What <see cref="DemoData.Generate"/> writes: where, from which seed, and how much.</summary>
public sealed record DemoDataOptions
{
    /// <summary>The folder that receives <c>pssl/</c> and <c>seg/</c>.</summary>
    public string Output { get; init; } = Path.Combine("data", "demo");

    public int Seed { get; init; }

    /// <summary>PSSL images per class; the segmentation set gets 3 x Size training and Size validation images.</summary>
    public int Size { get; init; } = 40;
}
