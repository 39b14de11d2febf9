namespace Seg.Core.Config;

/// <summary>
/// PaddleSeg's <c>update_config_dict</c> (paddleseg/utils/utils.py::update_config_dict): <c>--learning_rate</c> sets <c>lr_scheduler.learning_rate</c>,
/// then <c>--batch_size</c>, then <c>--iters</c>, then each <c>--opts key.path=value</c> in order, its value typed by
/// Python's literal_eval. Every intermediate key of a path must exist; the last one may be new.
/// </summary>
public static class ConfigOverrideApplier
{
    public static void Apply(ConfigMap config, ConfigOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.LearningRate is { } lr && lr != 0)
        {
            var at = SourceLocation.CommandLine("--learning_rate");
            if (config.Get("lr_scheduler") is not ConfigMap scheduler)
                throw new ConfigException(at, "--learning_rate sets lr_scheduler.learning_rate, but the config has no lr_scheduler mapping; add one, e.g. 'lr_scheduler: {type: PolynomialDecay, learning_rate: 0.01}'");
            scheduler.Set("learning_rate", new ConfigScalar(lr, null, at));
        }
        if (overrides.BatchSize is { } bs && bs != 0) config.Set("batch_size", new ConfigScalar(bs, null, SourceLocation.CommandLine("--batch_size")));
        if (overrides.Iters is { } iters && iters != 0) config.Set("iters", new ConfigScalar(iters, null, SourceLocation.CommandLine("--iters")));
        foreach (var item in overrides.Opts) ApplyOpt(config, item);
    }

    private static void ApplyOpt(ConfigMap config, string item)
    {
        var at = SourceLocation.CommandLine($"--opts {item}");
        var parts = item.Split('=');
        if (parts.Length != 2)
            throw new ConfigException(at, $"--opts items are key=value with exactly one '=', such as '--opts batch_size=1 test_config.scales=0.75,1.0,1.25', but got '{item}'");
        var (key, text) = (parts[0], parts[1]);
        var keys = key.Split('.');
        if (keys.Any(k => k.Length == 0 || k.Trim() != k))
            throw new ConfigException(at, $"--opts '{item}': the key '{key}' is not a dotted path of names (empty or space-padded part); write e.g. '--opts iters=4' or 'train_dataset.dataset_root=data/camvid'");
        if (text.Trim().Length == 0)
            throw new ConfigException(at, $"--opts '{item}': no value after '='; write e.g. '--opts {key}=4' (or '{key}=None' for null)");
        var current = config;
        for (var i = 0; i < keys.Length - 1; i++)
        {
            var prefix = string.Join('.', keys[..i]);
            if (!current.TryGet(keys[i], out var next))
            {
                var under = prefix.Length == 0 ? "at the top level" : $"under '{prefix}'";
                throw new ConfigException(at, $"cannot set '{key}': there is no '{keys[i]}' {under} (it has: {string.Join(", ", current.Keys)}); only the last key of a path may be new");
            }
            current = next as ConfigMap ?? throw new ConfigException(at,
                $"cannot set '{key}': '{string.Join('.', keys[..(i + 1)])}' is a {ConfigMerger.Describe(next)}, not a mapping (list items cannot be addressed by --opts; replace the whole value instead)");
        }
        current.Set(keys[^1], PythonLiteral.Evaluate(text, at));
    }
}
