using Seg.Core.Data.Datasets;
using Seg.Core.Data.Transforms;

namespace Seg.Pssl.Classification;

/// <summary>The YAML keys of <c>type: ImageFolder</c>.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>Holds one folder per split (<c>train/</c>, <c>val/</c>), each with one folder per class.</summary>
    public required string DatasetRoot { get; init; }

    public required IReadOnlyList<ITransform> Transforms { get; init; }

    public DatasetMode Mode { get; init; } = DatasetMode.Train;

    /// <summary>The split folder under <c>dataset_root</c>; default: the mode's name (<c>train</c>, <c>val</c>, <c>test</c>).</summary>
    public string? Split { get; init; }

    /// <summary>
    /// A class list (one class folder name per line, line index = class id; ImageNet's
    /// <c>imagenet_lsvrc_2015_synsets.txt</c>). Default: the split's class folders, sorted ordinally.
    /// </summary>
    public string? ClassList { get; init; }

    /// <summary>When given, must equal the number of classes.</summary>
    public int? NumClasses { get; init; }

    /// <summary>
    /// Multi-label image-level labels (as in weakly-supervised segmentation): a file of lines
    /// <c>relative/image/path class[,class...]</c> relative to the split folder. The label becomes a [1, C] 0/1 vector.
    /// </summary>
    public string? MultiLabelList { get; init; }
}
