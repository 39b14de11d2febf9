namespace Seg.Torch.Modules;

/// <summary>
/// Folds batch norms into the convs before them for evaluation (eval-mode BN is an affine map per channel, so
/// conv → BN is one conv with other weights). Pairs come from modules that declare them (<see cref="IConvBatchNormPairs"/>)
/// and from a <see cref="Sequential"/>'s consecutive Conv2d, BatchNorm2d children. The fold reads the current weights
/// and statistics: use it around an evaluation (weights must not change meanwhile) and dispose it afterwards.
/// Parameters, buffers and state dicts are untouched, and modules in training mode run unfolded.
/// </summary>
public static class BatchNormFolding
{
    /// <summary>Folds every pair of <paramref name="model"/> not folded already; the result undoes it on Dispose.</summary>
    public static FoldedBatchNorms Fold(Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var folds = new List<ConvBatchNormFold>();
        try
        {
            foreach (var (conv, bn) in Pairs(model))
            {
                if (!ConvBatchNormFold.CanFold(conv, bn)) continue;
                var fold = new ConvBatchNormFold(conv, bn);
                folds.Add(fold);
                conv.Fold = fold;
                bn.FoldedInto = fold;
            }
        }
        catch
        {
            foreach (var f in folds) f.Dispose();
            throw;
        }
        return new FoldedBatchNorms(folds);
    }

    private static IEnumerable<(Conv2d, BatchNorm2d)> Pairs(Module model)
    {
        foreach (var m in model.modules())
        {
            if (m is IConvBatchNormPairs declared)
                foreach (var pair in declared.ConvBatchNormPairs) yield return pair;
            if (m is Sequential sequential)
                for (var i = 0; i + 1 < sequential.Count; i++)
                    if (sequential[i] is Conv2d conv && sequential[i + 1] is BatchNorm2d bn) yield return (conv, bn);
        }
    }
}
