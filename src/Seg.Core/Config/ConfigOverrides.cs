namespace Seg.Core.Config;

/// <summary>
/// The command-line overrides of a PaddleSeg config: <c>--learning_rate</c>, <c>--batch_size</c>, <c>--iters</c>
/// and <c>--opts key.path=value ...</c>. Zero or absent numbers are ignored, as in PaddleSeg.
/// </summary>
public sealed record ConfigOverrides
{
    public static ConfigOverrides None { get; } = new();

    public double? LearningRate { get; init; }

    public long? BatchSize { get; init; }

    public long? Iters { get; init; }

    public IReadOnlyList<string> Opts { get; init; } = [];
}
