using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Seg.Core.Checkpoints;

/// <summary>
/// What <c>state.json</c> of a checkpoint holds besides the weights: where the run was, the schedule, the best
/// evaluation so far and what is needed to continue the data order and random streams exactly.
/// </summary>
public sealed record CheckpointState
{
    /// <summary>The iteration the checkpoint was taken after (the N of iter_N).</summary>
    [JsonPropertyName("iteration")]
    public required int Iteration { get; init; }

    /// <summary>The total iterations the run was configured for.</summary>
    [JsonPropertyName("iters")]
    public int Iters { get; init; }

    /// <summary>The learning-rate schedule's own state (TrainingOptimizer.ScheduleState()).</summary>
    [JsonPropertyName("lr_scheduler")]
    public JsonObject Schedule { get; init; } = [];

    /// <summary>The best validation mIoU so far; -1 when nothing was evaluated.</summary>
    [JsonPropertyName("best_miou")]
    public double BestMeanIoU { get; init; } = -1.0;

    /// <summary>The iteration of <see cref="BestMeanIoU"/>; -1 when nothing was evaluated.</summary>
    [JsonPropertyName("best_miou_iter")]
    public int BestIteration { get; init; } = -1;

    /// <summary>The best validation mIoU of the EMA model so far (<c>--use_ema</c>); -1 when none was evaluated.</summary>
    [JsonPropertyName("best_ema_miou")]
    public double BestEmaMeanIoU { get; init; } = -1.0;

    /// <summary>The iteration of <see cref="BestEmaMeanIoU"/>; -1 when none was evaluated.</summary>
    [JsonPropertyName("best_ema_miou_iter")]
    public int BestEmaIteration { get; init; } = -1;

    /// <summary>The loader epoch (0-based) of the next iteration.</summary>
    [JsonPropertyName("epoch")]
    public long Epoch { get; init; }

    /// <summary>Batches of that epoch already consumed.</summary>
    [JsonPropertyName("epoch_batches_done")]
    public int EpochBatchesDone { get; init; }

    /// <summary>Batches per epoch when the checkpoint was taken (a resume with another value cannot continue the order).</summary>
    [JsonPropertyName("batches_per_epoch")]
    public int BatchesPerEpoch { get; init; }

    /// <summary>
    /// The run seed: it seeds the loader (shuffle and augmentation per epoch and sample) and, mixed with the
    /// iteration, torch's generator at the start of every iteration, so a resumed run draws what an uninterrupted
    /// one would (Seg.Torch does not expose the generator state itself).
    /// </summary>
    [JsonPropertyName("seed")]
    public long Seed { get; init; }

    [JsonPropertyName("world_size")]
    public int WorldSize { get; init; } = 1;

    [JsonPropertyName("format")]
    public int Format { get; init; } = 1;
}
