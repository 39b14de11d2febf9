using System.Diagnostics;
using System.Globalization;
using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Progress;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Evaluation;

/// <summary>PaddleSeg's evaluate() (paddleseg/core/val.py::evaluate): every image of a val dataset through <see cref="SegInference"/>, metrics at the end.</summary>
public static class Evaluator
{
    /// <summary>
    /// Evaluates <paramref name="model"/> (switched to eval mode, restored afterwards) on <paramref name="dataset"/> under
    /// inference mode on the model's device, with its batch norms folded into the convs before them (<see cref="BatchNormFolding"/>). Images are read one at a time (val labels keep their original sizes, which may
    /// differ) and consecutive images of the same shape are inferred together (<see cref="EvaluationRunOptions.MaxBatchSize"/>). Logs PaddleSeg's "[EVAL]" lines to <see cref="EvaluationRunOptions.Log"/>.
    /// </summary>
    public static EvaluationResult Evaluate(SegModel model, SegDataset dataset, InferenceOptions options, EvaluationRunOptions? run = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        run ??= new EvaluationRunOptions();
        if (dataset.Count == 0) throw new ArgumentException("the validation dataset is empty");
        if (dataset.Mode != DatasetMode.Val)
            run.Log?.WriteLine($"warning: the dataset is in {dataset.Mode} mode; labels are transformed with the image instead of kept at their original size");
        var device = model.parameters().FirstOrDefault()?.device ?? Device.CPU;
        var loader = new DataLoader(dataset, new DataLoaderOptions { BatchSize = 1, NumWorkers = run.NumWorkers });
        var total = dataset.Count;
        run.Log?.WriteLine($"Start evaluating (total_samples: {total}, total_iters: {total})...");
        var wasTraining = model.training;
        model.eval();
        using var folded = BatchNormFolding.Fold(model);
        using var matrix = new ConfusionMatrix(dataset.NumClasses, dataset.IgnoreIndex);
        var done = 0;
        run.Progress?.Start(0, total);
        var pending = new List<Batch>();

        // Infers the pending images as one batch (they share shapes and trans_info) and counts them.
        void Flush()
        {
            if (pending.Count == 0) return;
            using (var scope = torch.NewDisposeScope())
            {
                var image = (pending.Count == 1 ? pending[0].Images : torch.cat(pending.Select(b => b.Images).ToList())).to(device);
                var label = (pending.Count == 1 ? pending[0].Labels! : torch.cat(pending.Select(b => b.Labels!).ToList())).to(device);
                // Inference mode for the model alone: the confusion matrix is updated in place outside it.
                Tensor prediction;
                using (torch.inference_mode())
                    prediction = SegInference.Logits(model, image, pending[0].TransInfo[0], options).argmax(1);
                if (!prediction.shape.SequenceEqual(label.shape))
                    throw new InvalidOperationException($"the prediction for {pending[0].Files[0].ImagePath} is [{string.Join(", ", prediction.shape)}] but its label is [{string.Join(", ", label.shape)}]; the val transforms' resizes/paddings must be recorded (trans_info) to map logits back");
                matrix.Add(prediction, label);
            }
            foreach (var b in pending)
            {
                b.Dispose();
                done++;
                run.Progress?.Report(done);
            }
            pending.Clear();
        }

        try
        {
            using var noGrad = torch.no_grad();
            foreach (var batch in loader.Epoch(0, cancellationToken))
            {
                if (batch.Labels is null)
                {
                    batch.Dispose();
                    throw new ArgumentException($"{batch.Files[0].ImagePath} has no label; evaluation needs labels");
                }
                if (pending.Count > 0 && !Batchable(pending[0], batch)) Flush();
                pending.Add(batch);
                if (pending.Count >= MaxBatch(batch, options, run)) Flush();
            }
            Flush();
        }
        finally
        {
            foreach (var b in pending) b.Dispose();
            model.train(wasTraining);
        }
        var result = EvaluationMetrics.Compute(matrix, done);
        if (!run.KeepConfusionMatrix) result = result with { ConfusionMatrix = null };
        if (run.Log is { } log) WriteSummary(log, result);
        return result;
    }

    private static bool Batchable(Batch first, Batch next) =>
        first.Images.shape.SequenceEqual(next.Images.shape) && first.Labels!.shape.SequenceEqual(next.Labels!.shape)
        && first.TransInfo[0].SequenceEqual(next.TransInfo[0]);

    private static int MaxBatch(Batch batch, InferenceOptions options, EvaluationRunOptions run)
    {
        if (options.IsSlide) return 1;
        var pixels = batch.Images.shape[2] * batch.Images.shape[3];
        return (int)Math.Clamp(run.MaxBatchPixels / Math.Max(pixels, 1), 1, Math.Max(run.MaxBatchSize, 1));
    }

    /// <summary>PaddleSeg's final "[EVAL]" lines: the summary, then class IoU, precision and recall as numpy prints them.</summary>
    public static void WriteSummary(TextWriter log, EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(result);
        log.WriteLine(result.SummaryLine());
        log.WriteLine("[EVAL] Class IoU: \n" + NumpyFormat.Array(result.ClassIoU));
        log.WriteLine("[EVAL] Class Precision: \n" + NumpyFormat.Array(result.ClassPrecision));
        log.WriteLine("[EVAL] Class Recall: \n" + NumpyFormat.Array(result.ClassRecall));
    }
}
