namespace Seg.Torch.Modules;

/// <summary>The pairs one <see cref="BatchNormFolding.Fold"/> folded; disposing it restores the plain conv → batch norm.</summary>
public sealed class FoldedBatchNorms : IDisposable
{
    private readonly List<ConvBatchNormFold> folds;

    internal FoldedBatchNorms(List<ConvBatchNormFold> folds) => this.folds = folds;

    public int Count => folds.Count;

    public IReadOnlyList<ConvBatchNormFold> Pairs => folds;

    public void Dispose()
    {
        foreach (var f in folds) f.Dispose();
        folds.Clear();
    }
}
