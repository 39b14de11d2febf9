using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Training;

namespace Seg.Pssl.Classification;

/// <summary>
/// Lets the segmentation trainer evaluate a classifier at every save: the result's mIoU slot carries the primary metric
/// (top-1, or mAP for multi-label), so best_model keeps the best classifier; Acc carries top-1.
/// </summary>
public sealed class ClassificationTrainingEvaluator(SegDataset dataset, TextWriter log, int numWorkers = 0) : ITrainingEvaluator
{
    public EvaluationResult Evaluate(SegModel model, CancellationToken cancellationToken)
    {
        var metrics = ClassificationEvaluator.Evaluate(model, dataset, numWorkers: numWorkers, cancellationToken: cancellationToken);
        log.WriteLine(metrics.SummaryLine());
        return new EvaluationResult(metrics.ImageCount, metrics.Primary, metrics.MultiLabel ? metrics.MeanAveragePrecision : metrics.Top1, 0, 0, [], [], [], []);
    }
}
