using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// PaddleSeg's <c>Cityscapes</c> (19 classes, ignore 255): <c>leftImg8bit/&lt;mode&gt;/*/*_leftImg8bit.png</c> and
/// <c>gtFine/&lt;mode&gt;/*/*_gtFine_labelTrainIds.png</c>, each sorted, paired in order (no name matching; the shorter
/// list wins, as PaddleSeg's zip does).
/// </summary>
[SegComponent("Cityscapes", ComponentKind.Dataset)]
[DatasetConstants(NumClassesValue, 3, 255)]
public sealed class Cityscapes : SegDataset
{
    public const int NumClassesValue = 19;

    private readonly List<DatasetEntry> entries;

    public Cityscapes(CityscapesOptions options)
        : base(options?.Mode ?? throw new ArgumentNullException(nameof(options)), options.Transforms, NumClassesValue, 255, 3)
    {
        Options = options;
        if (options.Edge) throw new NotSupportedException("Cityscapes: edge=True (binary edge labels) is not supported");
        var imgDir = Path.Combine(options.DatasetRoot, "leftImg8bit");
        var labelDir = Path.Combine(options.DatasetRoot, "gtFine");
        if (!Directory.Exists(options.DatasetRoot) || !Directory.Exists(imgDir) || !Directory.Exists(labelDir))
            throw new DirectoryNotFoundException($"The dataset is not Found or the folder structure is nonconfoumance. (dataset_root: {options.DatasetRoot}; expected leftImg8bit/ and gtFine/ in it)");
        var mode = options.Mode.ToString().ToLowerInvariant();
        var images = Glob(Path.Combine(imgDir, mode), "*_leftImg8bit.png");
        var labels = Glob(Path.Combine(labelDir, mode), "*_gtFine_labelTrainIds.png");
        entries = images.Zip(labels, (i, l) => new DatasetEntry(i, l)).ToList();
    }

    public CityscapesOptions Options { get; }

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    // glob.glob(dir/*/pattern), sorted as Python sorts strings.
    private static List<string> Glob(string dir, string pattern)
    {
        if (!Directory.Exists(dir)) return [];
        var files = Directory.EnumerateDirectories(dir).SelectMany(d => Directory.EnumerateFiles(d, pattern)).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
