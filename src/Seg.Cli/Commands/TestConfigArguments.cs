namespace Seg.Cli.Commands;

/// <summary>The evaluation-time flags shared by val and predict (PaddleSeg's merge_test_config inputs).</summary>
public sealed record TestConfigArguments
{
    /// <summary>--aug_eval (val) or --aug_pred (predict).</summary>
    public bool Augment { get; init; }

    /// <summary>--aug_legacy: augmentation as PaddleSeg v2.7.0 and earlier (chained resizes, summed softmax).</summary>
    public bool AugLegacy { get; init; }

    public IReadOnlyList<double> Scales { get; init; } = [1.0];

    public bool FlipHorizontal { get; init; }

    public bool FlipVertical { get; init; }

    public bool IsSlide { get; init; }

    /// <summary>--crop_size W H.</summary>
    public (int Width, int Height)? CropSize { get; init; }

    /// <summary>--stride W H.</summary>
    public (int Width, int Height)? Stride { get; init; }
}
