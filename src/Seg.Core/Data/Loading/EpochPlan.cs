namespace Seg.Core.Data.Loading;

/// <summary>
/// The batches of one epoch for one rank: the order (a seeded permutation when shuffling, identical on every rank),
/// padded by wrapping to a multiple of the world size and strided by rank (each rank gets every world_size-th index),
/// then cut into batches.
/// </summary>
public static class EpochPlan
{
    public static IReadOnlyList<int[]> Batches(int count, DataLoaderOptions options, long epoch)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), $"batch_size must be at least 1, got {options.BatchSize}");
        if (options.WorldSize < 1 || options.Rank < 0 || options.Rank >= options.WorldSize)
            throw new ArgumentOutOfRangeException(nameof(options), $"rank {options.Rank} is not in [0, world size {options.WorldSize})");
        var order = Enumerable.Range(0, count).ToArray();
        if (options.Shuffle)
        {
            var random = new SampleRandom(options.Seed, epoch, -1);
            var p = random.Permutation(count);
            order = p;
        }
        var perRank = count == 0 ? 0 : (count + options.WorldSize - 1) / options.WorldSize;
        var mine = new int[perRank];
        for (var i = 0; i < perRank; i++) mine[i] = order[(i * options.WorldSize + options.Rank) % count];
        var batches = new List<int[]>();
        for (var start = 0; start < mine.Length; start += options.BatchSize)
        {
            var size = Math.Min(options.BatchSize, mine.Length - start);
            if (size < options.BatchSize && options.DropLast) break;
            batches.Add(mine[start..(start + size)]);
        }
        return batches;
    }
}
