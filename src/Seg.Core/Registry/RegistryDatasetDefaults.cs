using System.Reflection;
using Seg.Core.Config;

namespace Seg.Core.Registry;

/// <summary>The fixed-dataset constants of the registered datasets (their <see cref="DatasetConstantsAttribute"/>, else PaddleSeg's table in <see cref="PaddleSegDatasetClasses"/>), for <see cref="ConfigChecker.Default"/>.</summary>
public sealed class RegistryDatasetDefaults(ComponentRegistry registry) : IDatasetDefaults
{
    public DatasetDefaults? Find(string datasetType) =>
        registry.Find(ComponentKind.Dataset, datasetType)?.ComponentType.GetCustomAttribute<DatasetConstantsAttribute>() is { } c
            ? new DatasetDefaults(c.NumClasses, c.ImgChannels, c.IgnoreIndex)
            : PaddleSegDatasetClasses.Instance.Find(datasetType);
}
