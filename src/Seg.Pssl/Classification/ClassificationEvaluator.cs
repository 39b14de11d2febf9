using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Torch;

namespace Seg.Pssl.Classification;

/// <summary>Evaluates a classifier (a model returning [N, C, 1, 1] logits) on an <see cref="ImageFolder"/>-style dataset.</summary>
public static class ClassificationEvaluator
{
    public static ClassificationMetrics Evaluate(SegModel model, SegDataset dataset, int batchSize = 16, int numWorkers = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.Count == 0) throw new ArgumentException("the validation dataset is empty");
        var multiLabel = dataset is ImageFolder { MultiLabel: true };
        var device = model.parameters().FirstOrDefault()?.device ?? Device.CPU;
        var wasTraining = model.training;
        model.eval();
        var scores = new List<float[]>();
        var targets = new List<int[]>();
        try
        {
            using var noGrad = torch.no_grad();
            var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = batchSize, NumWorkers = numWorkers });
            foreach (var batch in loader.Epoch(0, cancellationToken))
            {
                using (batch)
                using (var scope = torch.NewDisposeScope())
                {
                    var logits = model.call(batch.Images.to(device))[0];
                    var n = (int)logits.shape[0];
                    var flat = logits.reshape(n, -1).cpu().to(ScalarType.Float32).ToArray<float>();
                    var labels = (batch.Labels ?? throw new InvalidOperationException("classification evaluation needs labels")).reshape(n, -1).to(ScalarType.Int32).ToArray<int>();
                    var classes = flat.Length / n;
                    var perLabel = labels.Length / n;
                    for (var i = 0; i < n; i++)
                    {
                        scores.Add(flat.AsSpan(i * classes, classes).ToArray());
                        targets.Add(labels.AsSpan(i * perLabel, perLabel).ToArray());
                    }
                }
            }
        }
        finally
        {
            if (wasTraining) model.train();
        }
        return multiLabel
            ? new ClassificationMetrics(scores.Count, true, double.NaN, double.NaN, RankingMetrics.MeanAveragePrecision(scores, targets))
            : new ClassificationMetrics(scores.Count, false, RankingMetrics.TopK(scores, targets, 1), RankingMetrics.TopK(scores, targets, 5), double.NaN);
    }
}
