namespace Seg.Pssl.Demo;

/// <summary>What <see cref="DemoData.Generate"/> writes: where, from which seed, and how much.</summary>
public sealed record DemoDataOptions
{
    /// <summary>The folder that receives <c>pssl/</c> and <c>seg/</c>.</summary>
    public string Output { get; init; } = Path.Combine("data", "demo");

    public int Seed { get; init; }

    /// <summary>PSSL images per source synset (12 synsets): the many pseudo-labelled source images.</summary>
    public int Size { get; init; } = 100;

    /// <summary>Labelled target images for fine-tuning: few, as in the paper's setting.</summary>
    public int SegTrain { get; init; } = 24;

    /// <summary>Labelled target images for evaluation.</summary>
    public int SegVal { get; init; } = 60;
}
