namespace Seg.Core.Evaluation;

/// <summary>
/// How logits are computed for one image (spec §8.3-8.5): whole image, augmented over <see cref="Scales"/> and
/// flips, and/or by sliding window. Sizes are (width, height) as PaddleSeg's flags give them.
/// </summary>
public sealed record InferenceOptions
{
    public bool AugEval { get; init; }

    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    public bool FlipHorizontal { get; init; }

    public bool FlipVertical { get; init; }

    public bool IsSlide { get; init; }

    public (int Width, int Height)? CropSize { get; init; }

    public (int Width, int Height)? Stride { get; init; }
}
