namespace Seg.Core.Config;

/// <summary>The keys every PaddleSeg config needs (v2.8+ applies this to train, val, predict and export alike).</summary>
public sealed class DefaultPrimaryRule : IConfigRule
{
    private static readonly string[] Required = ["batch_size", "iters", "train_dataset", "optimizer", "lr_scheduler", "loss", "model"];

    public string Name => nameof(DefaultPrimaryRule);

    public void Apply(ConfigMap config, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(config);
        var missing = Required.Where(k => !config.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new ConfigException(config.Location,
                $"no {string.Join(", ", missing)} in the config; PaddleSeg configs need {string.Join(", ", Required)} (write them here or in a _base_ file)");
    }
}
