namespace Seg.Core.Data.Loading;

/// <summary>How a <see cref="DataLoader"/> batches and parallelises a dataset.</summary>
public sealed record DataLoaderOptions
{
    public int BatchSize { get; init; } = 1;

    /// <summary>Reshuffle the sample order every epoch (from <see cref="Seed"/> and the epoch).</summary>
    public bool Shuffle { get; init; }

    /// <summary>Drop the last incomplete batch (PaddleSeg does for training).</summary>
    public bool DropLast { get; init; }

    /// <summary>0: samples are prepared on the consuming thread; N: N worker threads.</summary>
    public int NumWorkers { get; init; }

    /// <summary>Batches prepared ahead of the consumer at most (the bounded queue); default 2 per worker.</summary>
    public int? PrefetchBatches { get; init; }

    /// <summary>The run seed: with the epoch and sample index it seeds each sample's augmentation.</summary>
    public long Seed { get; init; }

    /// <summary>This process's rank and the number of processes: each rank gets a disjoint share of every epoch.</summary>
    public int Rank { get; init; }

    public int WorldSize { get; init; } = 1;

    /// <summary>Copy ready batches to page-locked memory when CUDA is available.</summary>
    public bool PinMemory { get; init; } = true;
}
