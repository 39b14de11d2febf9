using System.Reflection;
using Seg.Core.Config;
using Seg.Core.Registry;

namespace Seg.Core.Data.Datasets;

/// <summary>
/// <see cref="IDatasetDefaults"/> over the registry: the registered Dataset component named by the config's
/// <c>type:</c> and its <see cref="FixedDatasetAttribute"/> (null for the generic <c>Dataset</c> and unknown names).
/// </summary>
public sealed class RegistryDatasetDefaults(ComponentRegistry registry) : IDatasetDefaults
{
    public DatasetDefaults? Find(string datasetType)
    {
        var registration = registry.Find(ComponentKind.Dataset, datasetType);
        var fixedAttr = registration?.ComponentType.GetCustomAttribute<FixedDatasetAttribute>(inherit: false);
        return fixedAttr is null ? null : new DatasetDefaults(fixedAttr.NumClasses, fixedAttr.ImgChannels, fixedAttr.IgnoreIndex);
    }
}
