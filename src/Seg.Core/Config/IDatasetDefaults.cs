namespace Seg.Core.Config;

/// <summary>
/// The class constants of a fixed dataset type such as Cityscapes (PaddleSeg's <c>NUM_CLASSES</c>,
/// <c>IMG_CHANNELS</c>, <c>IGNORE_INDEX</c>), which PaddleSeg injects into the model and loss configs. The registry
/// provides them; config loading only asks.
/// </summary>
public interface IDatasetDefaults
{
    /// <summary>The constants of the dataset registered as <paramref name="datasetType"/>, or null when unknown.</summary>
    DatasetDefaults? Find(string datasetType);

    /// <summary>
    /// The constants of the dataset <paramref name="dataset"/> configures: by default those of its type; a dataset whose
    /// class count comes from its data (PSSLDataset's synsets file) may answer from the config.
    /// </summary>
    DatasetDefaults? Find(string datasetType, ConfigMap dataset) => Find(datasetType);
}

/// <summary>A fixed dataset's class constants.</summary>
public sealed record DatasetDefaults(long NumClasses, long ImgChannels, long IgnoreIndex);
