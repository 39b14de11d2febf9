namespace Seg.Core.Config;

/// <summary>
/// With the generic <c>Dataset</c>, <c>img_channels</c> of the datasets and the model's <c>in_channels</c> (the
/// backbone's when there is one) must agree; a model without it gets the datasets' value.
/// </summary>
public sealed class DefaultSyncImgChannelsRule : IConfigRule
{
    public string Name => nameof(DefaultSyncImgChannelsRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warnings);
        var model = RuleHelpers.RequiredMap(config, "model", "model");
        if (RuleHelpers.GenericDatasets(config) is not var (train, val)) return;
        var (owner, path) = RuleHelpers.InChannelsOwner(model);
        var modelValue = RuleHelpers.NonNull(owner.Get("in_channels"));
        var values = RuleHelpers.Distinct([
            (path, modelValue),
            ("train_dataset.img_channels", train.Get("img_channels")),
            ("val_dataset.img_channels", val?.Get("img_channels")),
        ]);
        if (values.Count > 1)
            throw new ConfigException(values[^1].Value.Location, $"in_channels is not consistent: {RuleHelpers.Listing(values)}; set the same value in the model and in train_dataset/val_dataset img_channels");
        if (values.Count == 1 && modelValue is null)
        {
            warnings.Add($"Added the img_channels of train_dataset and val_dataset to the model config as {path}; we suggest setting it yourself.");
            owner.Set("in_channels", values[0].Value.DeepClone());
        }
    }
}
