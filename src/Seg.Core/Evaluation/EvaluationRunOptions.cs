using Seg.Core.Progress;

namespace Seg.Core.Evaluation;

/// <summary>How an evaluation run reports and parallelises (not what it computes).</summary>
public sealed record EvaluationRunOptions
{
    /// <summary>Data loader workers (PaddleSeg evaluates during training with 1 when training uses any).</summary>
    public int NumWorkers { get; init; }

    /// <summary>Where the "[EVAL] ..." lines go; null: nowhere.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Started with the number of images and told after each; null: no progress shown.</summary>
    public IJobProgress? Progress { get; init; }

    /// <summary>
    /// The most images inferred together. Consecutive images are batched only when their image and label shapes and
    /// their trans_info agree (CamVid's all do), never for sliding-window inference, and never beyond
    /// <see cref="MaxBatchPixels"/>; 1 evaluates one image per batch as PaddleSeg does. Eval-mode models treat each
    /// image independently, so batching changes no prediction.
    /// </summary>
    public int MaxBatchSize { get; init; } = 8;

    /// <summary>Batch · height · width of the model input at most, so large images (Cityscapes) go fewer at a time.</summary>
    public long MaxBatchPixels { get; init; } = 1L << 22;

    /// <summary>Keep the C×C confusion matrix in the result (<see cref="EvaluationResult.ConfusionMatrix"/>).</summary>
    public bool KeepConfusionMatrix { get; init; } = true;
}
