using Seg.Core.Contracts;

namespace Seg.Models.Losses;

/// <summary>The YAML keys of <c>type: MixedLoss</c>: the member losses and one coef each.</summary>
public sealed record MixedLossOptions
{
    public required IReadOnlyList<ISegLoss> Losses { get; init; }

    public required IReadOnlyList<double> Coef { get; init; }
}
