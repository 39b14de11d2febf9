namespace Seg.Core.Config;

/// <summary>
/// With the generic <c>Dataset</c>, the datasets' <c>ignore_index</c> must agree and is written into every loss item
/// that lacks one (each member of a MixedLoss too); a loss item with a different value is an error.
/// </summary>
public sealed class DefaultSyncIgnoreIndexRule(string lossName) : IConfigRule
{
    public string Name => nameof(DefaultSyncIgnoreIndexRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        var loss = RuleHelpers.OptionalMap(config, lossName, lossName);
        if (loss is null) return;
        if (RuleHelpers.GenericDatasets(config) is not var (train, val)) return;
        var values = RuleHelpers.Distinct([
            ("train_dataset.ignore_index", train.Get("ignore_index")),
            ("val_dataset.ignore_index", val?.Get("ignore_index")),
        ]);
        if (values.Count > 1)
            throw new ConfigException(values[^1].Value.Location, $"ignore_index is not consistent: {RuleHelpers.Listing(values)}; set the same value in train_dataset and val_dataset");
        if (values.Count == 1) SyncIgnoreIndex(loss, lossName, values[0].Value, values[0].Where);
    }

    internal static void SyncIgnoreIndex(ConfigMap loss, string lossName, ConfigNode ignoreIndex, string source)
    {
        foreach (var (item, path) in RuleHelpers.LossItems(loss, lossName))
        {
            if (!item.TryGet("ignore_index", out var existing)) item.Set("ignore_index", ignoreIndex.DeepClone());
            else if (!ConfigValues.PythonEquals(existing, ignoreIndex))
                throw new ConfigException(existing.Location,
                    $"{path}.ignore_index is {RuleHelpers.Text(existing)} but {source} is {RuleHelpers.Text(ignoreIndex)}; they must be the same (or leave it out of the loss to inherit it)");
        }
    }
}
