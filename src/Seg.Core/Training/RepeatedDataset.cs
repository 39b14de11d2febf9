using Seg.Core.Data.Datasets;
using Seg.Torch;

namespace Seg.Core.Training;

/// <summary>PaddleSeg's <c>--repeats N</c>: <c>train_dataset.file_list *= N</c>, the list repeated in order.</summary>
public sealed class RepeatedDataset : SegDataset
{
    private readonly SegDataset inner;

    public RepeatedDataset(SegDataset inner, int repeats)
        : base((inner ?? throw new ArgumentNullException(nameof(inner))).Mode, inner.Transforms.Transforms, inner.NumClasses, inner.IgnoreIndex, inner.ImgChannels)
    {
        if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), $"repeats must be at least 1, got {repeats}");
        this.inner = inner;
        Entries = Enumerable.Repeat(inner.Entries, repeats).SelectMany(e => e).ToList();
    }

    public override IReadOnlyList<DatasetEntry> Entries { get; }

    public override Tensor PrepareLabel(Tensor label) => inner.PrepareLabel(label);

    public override Tensor ReadLabel(string labelPath) => inner.ReadLabel(labelPath);
}
