namespace Seg.Core.Config;

/// <summary>
/// What PaddleSeg's SegBuilder does for a fixed dataset type (anything but <c>Dataset</c>/<c>SegDataset</c>): the
/// model's <c>num_classes</c> and <c>in_channels</c> and every loss item's <c>ignore_index</c> must equal the dataset
/// class constants and are injected where missing. The constants come from <see cref="IDatasetDefaults"/>; an unknown
/// dataset type is left to the registry to report.
/// </summary>
public sealed class FixedDatasetRule(IDatasetDefaults datasets) : IConfigRule
{
    public string Name => nameof(FixedDatasetRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warnings);
        var train = RuleHelpers.RequiredMap(config, "train_dataset", "train_dataset");
        var type = RuleHelpers.TypeName(train, "train_dataset");
        if (type is RuleHelpers.GenericDataset or "SegDataset" || datasets.Find(type, train) is not { } constants) return;

        var model = RuleHelpers.RequiredMap(config, "model", "model");
        Sync(model, "num_classes", "model.num_classes", constants.NumClasses, type, "NUM_CLASSES", warnings);
        var (owner, path) = RuleHelpers.InChannelsOwner(model);
        Sync(owner, "in_channels", path, constants.ImgChannels, type, "IMG_CHANNELS", warnings);

        var ignore = new ConfigScalar(constants.IgnoreIndex, null, train.Get("type")!.Location);
        foreach (var lossName in new[] { "loss", "distill_loss" })
            if (RuleHelpers.OptionalMap(config, lossName, lossName) is { } loss)
                DefaultSyncIgnoreIndexRule.SyncIgnoreIndex(loss, lossName, ignore, $"the IGNORE_INDEX of dataset {type}");
    }

    private static void Sync(ConfigMap owner, string key, string path, long expected, string dataset, string constant, ICollection<string> warnings)
    {
        var value = RuleHelpers.NonNull(owner.Get(key));
        if (value is null)
        {
            owner.Set(key, new ConfigScalar(expected));
            warnings.Add($"Added {path} = {expected} from the {constant} of dataset {dataset}; we suggest setting it yourself.");
        }
        else if (!ConfigValues.PythonEquals(value, new ConfigScalar(expected)))
        {
            throw new ConfigException(value.Location, $"{path} is {RuleHelpers.Text(value)} but dataset {dataset} has {constant} = {expected}; write {key}: {expected} or leave it out");
        }
    }
}
