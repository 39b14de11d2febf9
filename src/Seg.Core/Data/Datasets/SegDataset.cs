using Seg.Core.Data.Transforms;
using Seg.Torch;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// What every dataset is: a list of (image, label) files, class constants and the transforms. A sample is read and
/// transformed by <see cref="GetSample"/>; in val mode the transforms touch the image only (the label stays as read,
/// HxW), as PaddleSeg's evaluation expects.
/// </summary>
public abstract class SegDataset
{
    protected SegDataset(DatasetMode mode, IReadOnlyList<ITransform> transforms, int numClasses, int ignoreIndex, int imgChannels)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (numClasses < 1) throw new ArgumentException($"num_classes should be greater than or equal to 1, but it is {numClasses}");
        Mode = mode;
        NumClasses = numClasses;
        IgnoreIndex = ignoreIndex;
        ImgChannels = imgChannels;
        Transforms = new Compose(transforms, toRgb: true, imgChannels);
    }

    public DatasetMode Mode { get; }

    public int NumClasses { get; }

    public int IgnoreIndex { get; }

    public int ImgChannels { get; }

    public Compose Transforms { get; }

    public abstract IReadOnlyList<DatasetEntry> Entries { get; }

    public int Count => Entries.Count;

    /// <summary>Reads and transforms sample <paramref name="index"/>; the caller owns (disposes) it.</summary>
    public SegSample GetSample(int index, ISampleRandom random)
    {
        var entry = Entries[index];
        var sample = Transforms.Load(entry.ImagePath, entry.LabelPath, labelIsGtField: Mode != DatasetMode.Val, PrepareLabel, ReadLabel);
        try
        {
            Transforms.Apply(sample, random);
            return sample;
        }
        catch
        {
            sample.Dispose();
            throw;
        }
    }

    /// <summary>A dataset's own label conversion right after reading (ADE20K: reduce_zero_label). Returns the same tensor when nothing changes.</summary>
    public virtual Tensor PrepareLabel(Tensor label) => label;

    /// <summary>Reads a label file (default: as PIL does, <see cref="LabelReader"/>); datasets with other label formats (PSSL's .npz) override it.</summary>
    public virtual Tensor ReadLabel(string labelPath) => LabelReader.Read(labelPath);
}
