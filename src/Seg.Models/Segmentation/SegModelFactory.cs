using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Registry;

namespace Seg.Models.Segmentation;

/// <summary>
/// Builds only the <c>model:</c> of a config (no dataset, loss or optimizer is touched, so no data needs to
/// be on disk). A missing <c>model.num_classes</c> comes from the train dataset's type
/// (the registered dataset's constants, else <see cref="PaddleSegDatasetClasses"/>), as PaddleSeg's builder
/// does; otherwise it is required.
/// </summary>
public static class SegModelFactory
{
    public static SegModel Build(SegConfig config, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Build<SegModel>(config.Model, ComponentKind.Model, "model");
    }

    public static SegModel Build(string configPath, ComponentRegistry registry) => Build(ConfigLoader.Load(configPath, null, registry), registry);
}
