using Seg.Core.Data.Datasets;

namespace Seg.Core.Evaluation;

/// <summary>
/// Class names for reports: Cityscapes' 19 train ids and ADE20K's 150 classes are built in; a generic
/// <see cref="Dataset"/> gets them from a <c>labels.txt</c> (one name per line, as PaddleSeg's own dataset folders
/// ship it) in its dataset_root when the file has exactly num_classes lines. Null when there are none.
/// </summary>
public static class DatasetClassNames
{
    /// <summary>The file a generic dataset's names are read from.</summary>
    public const string LabelsFileName = "labels.txt";

    public static IReadOnlyList<string> Cityscapes { get; } =
    [
        "road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign", "vegetation", "terrain",
        "sky", "person", "rider", "car", "truck", "bus", "train", "motorcycle", "bicycle",
    ];

    public static IReadOnlyList<string> ADE20K { get; } =
    [
        "wall", "building", "sky", "floor", "tree", "ceiling", "road", "bed", "windowpane", "grass", "cabinet", "sidewalk",
        "person", "earth", "door", "table", "mountain", "plant", "curtain", "chair", "car", "water", "painting", "sofa",
        "shelf", "house", "sea", "mirror", "rug", "field", "armchair", "seat", "fence", "desk", "rock", "wardrobe", "lamp",
        "bathtub", "railing", "cushion", "base", "box", "column", "signboard", "chest of drawers", "counter", "sand", "sink",
        "skyscraper", "fireplace", "refrigerator", "grandstand", "path", "stairs", "runway", "case", "pool table", "pillow",
        "screen door", "stairway", "river", "bridge", "bookcase", "blind", "coffee table", "toilet", "flower", "book",
        "hill", "bench", "countertop", "stove", "palm", "kitchen island", "computer", "swivel chair", "boat", "bar",
        "arcade machine", "hovel", "bus", "towel", "light", "truck", "tower", "chandelier", "awning", "streetlight",
        "booth", "television receiver", "airplane", "dirt track", "apparel", "pole", "land", "bannister", "escalator",
        "ottoman", "bottle", "buffet", "poster", "stage", "van", "ship", "fountain", "conveyer belt", "canopy", "washer",
        "plaything", "swimming pool", "stool", "barrel", "basket", "waterfall", "tent", "bag", "minibike", "cradle", "oven",
        "ball", "food", "step", "tank", "trade name", "microwave", "pot", "animal", "bicycle", "lake", "dishwasher",
        "screen", "blanket", "sculpture", "hood", "sconce", "vase", "traffic light", "tray", "ashcan", "fan", "pier",
        "crt screen", "plate", "monitor", "bulletin board", "shower", "radiator", "glass", "clock", "flag",
    ];

    public static IReadOnlyList<string>? For(SegDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        IReadOnlyList<string>? names = dataset switch
        {
            Data.Datasets.Cityscapes => Cityscapes,
            Data.Datasets.ADE20K => ADE20K,
            Dataset d => FromFile(Path.Combine(d.Options.DatasetRoot, LabelsFileName)),
            _ => null,
        };
        return names?.Count == dataset.NumClasses ? names : null;
    }

    /// <summary>Names from a text file, one per line (blank lines skipped); null when the file does not exist.</summary>
    public static IReadOnlyList<string>? FromFile(string path) =>
        File.Exists(path) ? File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList() : null;
}
