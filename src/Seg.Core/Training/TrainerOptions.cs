using Seg.Core.Precision;

namespace Seg.Core.Training;

/// <summary>How a <see cref="Trainer"/> runs (the arguments of PaddleSeg's paddleseg/core/train.py::train; defaults as there).</summary>
public sealed record TrainerOptions
{
    public required int Iters { get; init; }

    /// <summary>Per-rank batch size.</summary>
    public int BatchSize { get; init; } = 2;

    public string SaveDir { get; init; } = "output";

    public int SaveInterval { get; init; } = 1000;

    public int LogIters { get; init; } = 10;

    /// <summary>≤ 0 keeps every checkpoint.</summary>
    public int KeepCheckpointMax { get; init; } = 5;

    public int NumWorkers { get; init; }

    /// <summary>The run seed (loader order and augmentation, torch's generator per iteration); null: a random one, recorded in the checkpoints.</summary>
    public long? Seed { get; init; }

    /// <summary>A checkpoint folder (save_dir/iter_N) to continue from.</summary>
    public string? ResumeFrom { get; init; }

    public TrainingRank Rank { get; init; } = TrainingRank.Single;

    /// <summary>PaddleSeg's --use_ema: keep, evaluate and save an exponential moving average of the model (<see cref="ModelEma"/>).</summary>
    public bool UseEma { get; init; }

    /// <summary>PaddleSeg's --precision / --amp_level: autocast with PaddleSeg's op lists and loss scaling for the forward, the losses and the in-training evaluation.</summary>
    public MixedPrecision Precision { get; init; } = MixedPrecision.Float32;
}
