using Seg.Core.Data.Datasets;
using Seg.Torch;

namespace Seg.Core.Distributed;

/// <summary>
/// Rank r's share of an evaluation set: entries r, r + world, r + 2·world, ... Every image lands on exactly one rank,
/// so nothing is padded and no duplicate has to be dropped when the counts are summed.
/// </summary>
public sealed class ShardedDataset : SegDataset
{
    private readonly SegDataset inner;

    public ShardedDataset(SegDataset inner, int rank, int worldSize)
        : base((inner ?? throw new ArgumentNullException(nameof(inner))).Mode, inner.Transforms.Transforms, inner.NumClasses, inner.IgnoreIndex, inner.ImgChannels)
    {
        if (worldSize < 1 || rank < 0 || rank >= worldSize) throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} is not in [0, world size {worldSize})");
        this.inner = inner;
        Entries = inner.Entries.Where((_, i) => i % worldSize == rank).ToList();
    }

    public override IReadOnlyList<DatasetEntry> Entries { get; }

    public override Tensor PrepareLabel(Tensor label) => inner.PrepareLabel(label);

    public override Tensor ReadLabel(string labelPath) => inner.ReadLabel(labelPath);
}
