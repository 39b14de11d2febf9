using Seg.Core.Config;
using Seg.Core.Data.Transforms;
using Seg.Core.Registry;

namespace Seg.Core.Prediction;

/// <summary>
/// PaddleSeg's <c>Compose(builder.val_transforms)</c> for predict: the config's <c>val_dataset.transforms</c>
/// (none when there is no val_dataset), read as colour images converted to RGB. The dataset itself is not built,
/// so its files need not exist.
/// </summary>
public static class PredictionTransforms
{
    public static Compose FromConfig(SegConfig config, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(registry);
        var transforms = new List<ITransform>();
        if (config.ValDataset?.Get("transforms") is ConfigList list)
        {
            for (var i = 0; i < list.Items.Count; i++)
                transforms.Add(registry.Build<ITransform>(list.Items[i], ComponentKind.Transform, $"val_dataset.transforms[{i}]"));
        }
        else if (config.ValDataset?.Get("transforms") is { } other)
        {
            throw new ConfigException(other.Location, "val_dataset.transforms must be a list");
        }
        return new Compose(transforms);
    }
}
