using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// The class constants of PaddleSeg's fixed dataset types (NUM_CLASSES, IMG_CHANNELS, IGNORE_INDEX), so a
/// model can be built from a PaddleSeg config that leaves <c>model.num_classes</c> to the dataset (e.g.
/// Cityscapes → 19). Registered datasets carry their own constants (DatasetConstantsAttribute), which win; this table covers PaddleSeg datasets Seg does not implement, so their configs still resolve.
/// AutoNUE has no entry: <c>_base_/autonue.yml</c> names <c>type: AutoNUE</c>, a dataset PaddleSeg's own registry does not
/// have (only contrib/AutoNUE defines <c>AutoNue*</c> classes), so there, as here, its configs cannot take num_classes from it.
/// </summary>
public sealed class PaddleSegDatasetClasses : IDatasetDefaults
{
    private static readonly Dictionary<string, DatasetDefaults> Known = new(StringComparer.Ordinal)
    {
        ["Cityscapes"] = new(19, 3, 255),
        ["PascalVOC"] = new(21, 3, 255),
        ["ADE20K"] = new(150, 3, 255),
        ["PascalContext"] = new(60, 3, 255),
        ["CocoStuff"] = new(171, 3, 255),
        ["OpticDiscSeg"] = new(2, 3, 255),
        ["MiniDeepGlobeRoadExtraction"] = new(2, 3, 255),
        ["CHASEDB1"] = new(2, 3, 255),
        ["DRIVE"] = new(2, 3, 255),
        ["HRF"] = new(2, 3, 255),
        ["STARE"] = new(2, 3, 255),
        ["SUPERVISELY"] = new(2, 3, 255),
        ["EG1800"] = new(2, 3, 255),
        ["PPHumanSeg14K"] = new(2, 3, 255),
        ["PSSLDataset"] = new(1001, 3, 1001),
    };

    public static PaddleSegDatasetClasses Instance { get; } = new();

    public static IReadOnlyCollection<string> DatasetTypes => Known.Keys;

    public DatasetDefaults? Find(string datasetType) => Known.GetValueOrDefault(datasetType);
}
