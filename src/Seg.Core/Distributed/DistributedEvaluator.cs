using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Distributed;

namespace Seg.Core.Distributed;

/// <summary>
/// Evaluation during a data-parallel run: every rank evaluates its <see cref="ShardedDataset"/> share, the per-class
/// pixel counts (the confusion matrix) and image counts are summed across ranks by one all_reduce, and the metrics are
/// computed from the sums, so every rank gets the mIoU one process would. Only <paramref name="log"/> (rank 0's) gets
/// the [EVAL] summary.
/// </summary>
public sealed class DistributedEvaluator(ProcessGroup group, SegDataset dataset, Func<SegDataset, CancellationToken, SegModel, EvaluationResult> evaluateShard, TextWriter? log) : ITrainingEvaluator
{
    private readonly ShardedDataset shard = new(dataset, group.Rank, group.WorldSize);

    public EvaluationResult Evaluate(SegModel model, CancellationToken cancellationToken)
    {
        var n = dataset.NumClasses;
        var local = shard.Count == 0 ? null : evaluateShard(shard, cancellationToken, model);
        var counts = new long[n * n + 1];
        if (local is not null)
        {
            var m = local.ConfusionMatrix ?? throw new InvalidOperationException("the shard's evaluation kept no confusion matrix (KeepConfusionMatrix)");
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++) counts[i * n + j] = m[i, j];
            counts[^1] = local.ImageCount;
        }
        using var t = torch.tensor(counts);
        group.all_reduce(t);
        var sums = t.data<long>().ToArray();
        var full = new long[n + 1, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) full[i, j] = sums[i * n + j];
        using var matrix = new ConfusionMatrix(n, dataset.IgnoreIndex, full);
        var result = EvaluationMetrics.Compute(matrix, checked((int)sums[^1]));
        if (log is not null) Evaluator.WriteSummary(log, result);
        return result;
    }
}
