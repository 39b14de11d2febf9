namespace Seg.Core.Config;

/// <summary>
/// Runs sanity rules over a resolved config in order (PaddleSeg's <c>ConfigChecker</c>). With
/// <c>allowUpdate</c> the rules may correct the config; without it they only check (each works on a copy).
/// </summary>
public sealed class ConfigChecker(IReadOnlyList<IConfigRule> rules, bool allowUpdate = true)
{
    public IReadOnlyList<IConfigRule> Rules { get; } = rules;

    public bool AllowUpdate { get; } = allowUpdate;

    /// <summary>
    /// PaddleSeg's default rules (paddleseg/cvlibs/config_checker.py), followed by the fixed-dataset injection when
    /// <paramref name="datasets"/> is given.
    /// </summary>
    public static ConfigChecker Default(IDatasetDefaults? datasets = null)
    {
        List<IConfigRule> rules =
        [
            new DefaultPrimaryRule(),
            new DefaultSyncNumClassesRule(),
            new DefaultSyncImgChannelsRule(),
            new DefaultLossRule("loss"),
            new DefaultSyncIgnoreIndexRule("loss"),
            new DefaultLossRule("distill_loss"),
            new DefaultSyncIgnoreIndexRule("distill_loss"),
        ];
        if (datasets is not null) rules.Add(new FixedDatasetRule(datasets));
        return new ConfigChecker(rules);
    }

    /// <summary>Applies every rule; the first failure is thrown naming the rule.</summary>
    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        foreach (var rule in Rules)
        {
            try
            {
                rule.Apply(AllowUpdate ? config : (ConfigMap)config.DeepClone(), warnings);
            }
            catch (ConfigException e)
            {
                throw e.WithNote($" [config check {rule.Name}]");
            }
        }
    }
}
