using Seg.Core.Contracts;

namespace Seg.Core.Losses;

/// <summary>The <c>loss:</c> map of a config: one loss per model output and its weight.</summary>
public sealed record LossConfig
{
    public required IReadOnlyList<ISegLoss> Types { get; init; }

    public required IReadOnlyList<double> Coef { get; init; }
}
