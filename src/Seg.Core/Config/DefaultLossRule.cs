namespace Seg.Core.Config;

/// <summary>
/// A loss config needs <c>types</c> and <c>coef</c>; a single type is repeated for every coef, any other length
/// mismatch is an error.
/// </summary>
public sealed class DefaultLossRule(string lossName) : IConfigRule
{
    public string Name => nameof(DefaultLossRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        var loss = RuleHelpers.OptionalMap(config, lossName, lossName);
        if (loss is null) return;
        if (!loss.ContainsKey("types") || !loss.ContainsKey("coef"))
            throw new ConfigException(loss.Location, $"'{lossName}' needs both 'types' (a list of losses) and 'coef' (a list of weights, one per model output)");
        var types = loss["types"] as ConfigList ?? throw new ConfigException(loss["types"].Location, $"'{lossName}.types' must be a list of loss mappings");
        var coef = loss["coef"] as ConfigList ?? throw new ConfigException(loss["coef"].Location, $"'{lossName}.coef' must be a list of numbers");
        if (types.Items.Count == coef.Items.Count) return;
        if (types.Items.Count != 1)
            throw new ConfigException(types.Location,
                $"'{lossName}.types' has {types.Items.Count} entries but '{lossName}.coef' has {coef.Items.Count}; give one type (used for every output) or exactly one per coef");
        var single = types.Items[0];
        loss.Set("types", new ConfigList(Enumerable.Range(0, coef.Items.Count).Select(_ => single.DeepClone()), types.Location, types.IsTuple));
    }
}
