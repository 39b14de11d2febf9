using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// PaddleSeg's <c>ADE20K</c> (150 classes, ignore 255), modes train and val: <c>images/{training,validation}/*</c> with
/// labels <c>annotations/…/&lt;name with .jpg → .png&gt;</c>. Labels are reduced in uint8 (<c>label − 1</c>): class 0
/// ("other") wraps to 255 (ignored), 1..150 become 0..149, in both modes. The file list is sorted (PaddleSeg's
/// <c>os.listdir</c> order depends on the file system).
/// </summary>
[SegComponent("ADE20K", ComponentKind.Dataset)]
[DatasetConstants(NumClassesValue, 3, 255)]
public sealed class ADE20K : SegDataset
{
    public const int NumClassesValue = 150;

    private readonly List<DatasetEntry> entries;

    public ADE20K(ADE20KOptions options)
        : base(CheckMode(options?.Mode ?? throw new ArgumentNullException(nameof(options))), options.Transforms, NumClassesValue, 255, 3)
    {
        Options = options;
        if (options.Edge) throw new NotSupportedException("ADE20K: edge=True (binary edge labels) is not supported");
        if (options.DatasetRoot is null || !Directory.Exists(options.DatasetRoot))
            throw new DirectoryNotFoundException($"ADE20K: dataset_root {options.DatasetRoot ?? "None"} does not exist; Seg does not download ADEChallengeData2016, unpack it and set dataset_root");
        var sub = options.Mode == DatasetMode.Train ? "training" : "validation";
        var imgDir = Path.Combine(options.DatasetRoot, "images", sub);
        var labelDir = Path.Combine(options.DatasetRoot, "annotations", sub);
        if (!Directory.Exists(imgDir)) throw new DirectoryNotFoundException($"ADE20K: {imgDir} does not exist (expected images/{sub} and annotations/{sub} in dataset_root)");
        var names = Directory.EnumerateFiles(imgDir).Select(Path.GetFileName).OfType<string>().ToList();
        names.Sort(StringComparer.Ordinal);
        entries = names.Select(n => new DatasetEntry(Path.Combine(imgDir, n), Path.Combine(labelDir, n.Replace(".jpg", ".png", StringComparison.Ordinal)))).ToList();
    }

    public ADE20KOptions Options { get; }

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    public override Tensor PrepareLabel(Tensor label)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (label.dtype != ScalarType.Byte) throw new InvalidDataException($"ADE20K labels must be 8-bit, got {label.dtype}");
        return label - 1;
    }

    private static DatasetMode CheckMode(DatasetMode mode) =>
        mode is DatasetMode.Train or DatasetMode.Val ? mode : throw new ArgumentException($"`mode` should be 'train' or 'val', but got {mode.ToString().ToLowerInvariant()}.");
}
