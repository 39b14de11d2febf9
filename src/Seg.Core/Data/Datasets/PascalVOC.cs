using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// PaddleSeg's <c>PascalVOC</c> (paddleseg/datasets/voc.py: 21 classes, ignore 255): the names listed in
/// <c>VOC2012/ImageSets/Segmentation/{train,val,trainval}.txt</c>, images <c>VOC2012/JPEGImages/&lt;name&gt;.jpg</c>, labels
/// <c>VOC2012/SegmentationClass/&lt;name&gt;.png</c> (palette PNGs: the indices are the classes). <c>trainaug</c> is train.txt
/// followed by <c>aug.txt</c> with labels from <c>SegmentationClassAug</c> (made by PaddleSeg's tools/data/voc_augment.py).
/// </summary>
[SegComponent("PascalVOC", ComponentKind.Dataset)]
[DatasetConstants(NumClassesValue, 3, 255)]
public sealed class PascalVOC : SegDataset
{
    public const int NumClassesValue = 21;

    private readonly List<DatasetEntry> entries = [];

    public PascalVOC(PascalVOCOptions options)
        : base(BaseMode(options ?? throw new ArgumentNullException(nameof(options))), options.Transforms, NumClassesValue, 255, 3)
    {
        Options = options;
        if (options.Edge) throw new NotSupportedException("PascalVOC: edge=True (binary edge labels) is not supported");
        if (options.DatasetRoot is null || !Directory.Exists(options.DatasetRoot))
            throw new DirectoryNotFoundException($"PascalVOC: dataset_root {options.DatasetRoot ?? "None"} does not exist; Seg does not download VOCtrainval_11-May-2012, unpack it and set dataset_root to its VOCdevkit folder");
        var voc = Path.Combine(options.DatasetRoot, "VOC2012");
        var sets = Path.Combine(voc, "ImageSets", "Segmentation");
        var images = Path.Combine(voc, "JPEGImages");
        var list = options.Mode switch
        {
            PascalVOCMode.Val => "val.txt",
            PascalVOCMode.TrainVal => "trainval.txt",
            _ => "train.txt",
        };
        Add(Path.Combine(sets, list), images, Path.Combine(voc, "SegmentationClass"));
        if (options.Mode == PascalVOCMode.TrainAug)
        {
            var aug = Path.Combine(sets, "aug.txt");
            if (!File.Exists(aug))
                throw new FileNotFoundException($"PascalVOC: mode trainaug needs {aug} and SegmentationClassAug/: augment the dataset first (PaddleSeg's tools/data/voc_augment.py)", aug);
            Add(aug, images, Path.Combine(voc, "SegmentationClassAug"));
        }
    }

    public PascalVOCOptions Options { get; }

    public override IReadOnlyList<DatasetEntry> Entries => entries;

    private void Add(string listFile, string images, string labels)
    {
        if (!File.Exists(listFile)) throw new FileNotFoundException($"PascalVOC: image set {listFile} does not exist (expected VOC2012/ImageSets/Segmentation/ in dataset_root)", listFile);
        foreach (var line in File.ReadLines(listFile))
        {
            var name = line.Trim();
            entries.Add(new DatasetEntry(Path.Combine(images, name + ".jpg"), Path.Combine(labels, name + ".png")));
        }
    }

    private static DatasetMode BaseMode(PascalVOCOptions options) => options.Mode == PascalVOCMode.Val ? DatasetMode.Val : DatasetMode.Train;
}
