using System.Reflection;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>
/// The fixed-dataset constants of the registered datasets: <see cref="IConfiguredDatasetConstants"/> when the dataset
/// implements it (its data decides), else its <see cref="DatasetConstantsAttribute"/>, else PaddleSeg's table in
/// <see cref="PaddleSegDatasetClasses"/>; for <see cref="ConfigChecker.Default"/>.
/// </summary>
public sealed class RegistryDatasetDefaults(ComponentRegistry registry) : IDatasetDefaults
{
    public DatasetDefaults? Find(string datasetType) =>
        registry.Find(ComponentKind.Dataset, datasetType)?.ComponentType.GetCustomAttribute<DatasetConstantsAttribute>() is { } c
            ? new DatasetDefaults(c.NumClasses, c.ImgChannels, c.IgnoreIndex)
            : PaddleSegDatasetClasses.Instance.Find(datasetType);

    public DatasetDefaults? Find(string datasetType, ConfigMap dataset)
    {
        var type = registry.Find(ComponentKind.Dataset, datasetType)?.ComponentType;
        if (type is not null && typeof(IConfiguredDatasetConstants).IsAssignableFrom(type)
            && type.GetMethod(nameof(IConfiguredDatasetConstants.ConstantsFor), BindingFlags.Public | BindingFlags.Static, [typeof(ConfigMap)]) is { } method
            && method.Invoke(null, [dataset]) is DatasetDefaults fromData)
            return fromData;
        return Find(datasetType);
    }
}
