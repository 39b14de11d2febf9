namespace Seg.Core.Config;

// Navigation shared by the checker rules, with errors that say where and what to write.
internal static class RuleHelpers
{
    internal const string GenericDataset = "Dataset";

    /// <summary>The mapping under <paramref name="key"/>, null when the key is absent or null.</summary>
    internal static ConfigMap? OptionalMap(ConfigMap parent, string key, string path) => parent.Get(key) switch
    {
        null or ConfigScalar { Value: null } => null,
        ConfigMap m => m,
        var other => throw new ConfigException(other.Location, $"'{path}' must be a mapping (indented key: value lines), not a {ConfigMerger.Describe(other)}"),
    };

    internal static ConfigMap RequiredMap(ConfigMap parent, string key, string path) =>
        OptionalMap(parent, key, path) ?? throw new ConfigException(parent.Get(key)?.Location ?? parent.Location,
            $"'{path}' is missing or empty; it must be a mapping with a 'type'");

    internal static string TypeName(ConfigMap component, string path) => component.Get("type") switch
    {
        ConfigScalar { Value: string s } => s,
        null => throw new ConfigException(component.Location, $"'{path}' has no 'type'; add 'type: <registered name>'"),
        var other => throw new ConfigException(other.Location, $"'{path}.type' must be a name (a string), not a {ConfigMerger.Describe(other)}"),
    };

    /// <summary>The train and val dataset mappings when the generic <c>Dataset</c> is used (null otherwise), as the sync rules need.</summary>
    internal static (ConfigMap Train, ConfigMap? Val)? GenericDatasets(ConfigMap config)
    {
        var train = OptionalMap(config, "train_dataset", "train_dataset");
        if (train is null || train.Count == 0)
            throw new ConfigException(config.Location, "no train_dataset in the config; add a train_dataset mapping with a 'type'");
        if (TypeName(train, "train_dataset") != GenericDataset) return null;
        var val = OptionalMap(config, "val_dataset", "val_dataset");
        if (val is { Count: > 0 } && TypeName(val, "val_dataset") is var valType && valType != GenericDataset)
            throw new ConfigException(val.Get("type")!.Location,
                $"val_dataset.type is '{valType}' but train_dataset.type is 'Dataset'; with the generic Dataset both must be 'type: Dataset'");
        return (train, val is { Count: > 0 } ? val : null);
    }

    /// <summary>The distinct values (Python ==) of the given nodes, with where each was written.</summary>
    internal static List<(string Where, ConfigNode Value)> Distinct(IEnumerable<(string Where, ConfigNode? Value)> values)
    {
        var result = new List<(string, ConfigNode)>();
        foreach (var (where, value) in values)
            if (value is not null && !result.Exists(r => ConfigValues.PythonEquals(r.Item2, value))) result.Add((where, value));
        return result;
    }

    internal static string Listing(IEnumerable<(string Where, ConfigNode Value)> values) =>
        string.Join(", ", values.Select(v => $"{v.Where} = {Text(v.Value)} ({v.Value.Location})"));

    internal static string Text(ConfigNode node) => node is ConfigScalar s ? s.Text : ConfigMerger.Describe(node);

    /// <summary>The loss items that carry ignore_index: each of <c>types</c>, or the <c>losses</c> of a MixedLoss.</summary>
    internal static IEnumerable<(ConfigMap Item, string Path)> LossItems(ConfigMap loss, string name)
    {
        if (loss.Get("types") is not ConfigList types)
            throw new ConfigException(loss.Location, $"'{name}.types' must be a list of loss mappings");
        for (var i = 0; i < types.Items.Count; i++)
        {
            var path = $"{name}.types[{i}]";
            var item = types.Items[i] as ConfigMap ?? throw new ConfigException(types.Items[i].Location, $"'{path}' must be a loss mapping with a 'type'");
            if (TypeName(item, path) != "MixedLoss")
            {
                yield return (item, path);
                continue;
            }
            if (item.Get("losses") is not ConfigList losses)
                throw new ConfigException(item.Location, $"'{path}' is a MixedLoss and needs a 'losses' list");
            for (var j = 0; j < losses.Items.Count; j++)
                yield return (losses.Items[j] as ConfigMap ?? throw new ConfigException(losses.Items[j].Location, $"'{path}.losses[{j}]' must be a loss mapping"), $"{path}.losses[{j}]");
        }
    }

    /// <summary>PaddleSeg's utils.get_in_channels: the backbone's in_channels when there is a backbone, else the model's.</summary>
    internal static (ConfigMap Owner, string Path) InChannelsOwner(ConfigMap model) =>
        model.ContainsKey("backbone") ? (RequiredMap(model, "backbone", "model.backbone"), "model.backbone.in_channels") : (model, "model.in_channels");

    internal static ConfigNode? NonNull(ConfigNode? node) => node is ConfigScalar { Value: null } ? null : node;
}
