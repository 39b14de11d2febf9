namespace Seg.Core.Data.Transforms;

/// <summary>The YAML keys of <c>type: Normalize</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record NormalizeOptions
{
    public IReadOnlyList<double> Mean { get; init; } = [0.5, 0.5, 0.5];

    public IReadOnlyList<double> Std { get; init; } = [0.5, 0.5, 0.5];
}
