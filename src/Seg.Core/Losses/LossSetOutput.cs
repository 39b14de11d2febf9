using Seg.Torch;

namespace Seg.Core.Losses;

/// <summary>The weighted total (what backward runs on) and the terms it is the sum of, in PaddleSeg's order.</summary>
public sealed class LossSetOutput(Tensor total, IReadOnlyList<LossTerm> terms) : IDisposable
{
    public Tensor Total { get; } = total;

    public IReadOnlyList<LossTerm> Terms { get; } = terms;

    public void Dispose()
    {
        Total.Dispose();
        foreach (var t in Terms) t.Value.Dispose();
    }
}
