namespace Seg.Core.Config;

/// <summary>
/// With the generic <c>Dataset</c>, train and val datasets must state <c>num_classes</c>, all stated values (model,
/// train, val) must agree, and a model without <c>num_classes</c> gets the datasets' value.
/// </summary>
public sealed class DefaultSyncNumClassesRule : IConfigRule
{
    public string Name => nameof(DefaultSyncNumClassesRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(warnings);
        var model = RuleHelpers.RequiredMap(config, "model", "model");
        if (RuleHelpers.GenericDatasets(config) is not var (train, val)) return;
        if (val is not null && !val.ContainsKey("num_classes"))
            throw new ConfigException(val.Location, "val_dataset uses the generic Dataset and needs 'num_classes: <number of classes>'");
        if (!train.ContainsKey("num_classes"))
            throw new ConfigException(train.Location, "train_dataset uses the generic Dataset and needs 'num_classes: <number of classes>'");

        var values = RuleHelpers.Distinct([
            ("model.num_classes", model.Get("num_classes")),
            ("train_dataset.num_classes", train.Get("num_classes")),
            ("val_dataset.num_classes", val?.Get("num_classes")),
        ]);
        if (values.Count > 1)
            throw new ConfigException(values[^1].Value.Location, $"num_classes is not consistent: {RuleHelpers.Listing(values)}; set the same value in model, train_dataset and val_dataset");
        if (values.Count == 1 && !model.ContainsKey("num_classes"))
        {
            warnings.Add("Added the num_classes of train_dataset and val_dataset to the model config; we suggest setting model.num_classes yourself.");
            model.Set("num_classes", values[0].Value.DeepClone());
        }
    }
}
