namespace Seg.Core.Config;

/// <summary>
/// A PaddleSeg config loaded the PaddleSeg way: <c>_base_</c> resolved and merged, command-line overrides applied,
/// the checker rules run. Accessors hand out copies, so callers may consume them freely.
/// </summary>
public sealed class SegConfig
{
    private SegConfig(string path, ConfigMap root, IReadOnlyList<string> warnings)
    {
        Path = path;
        Root = root;
        Warnings = warnings;
    }

    /// <summary>The config file this was loaded from.</summary>
    public string Path { get; }

    /// <summary>The resolved tree (after merging, overrides and checker corrections).</summary>
    public ConfigMap Root { get; }

    /// <summary>What the checker changed on its own (PaddleSeg logs these as warnings).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Loads <paramref name="path"/>; <paramref name="checker"/> defaults to PaddleSeg's default rules.</summary>
    public static SegConfig Load(string path, ConfigOverrides? overrides = null, ConfigChecker? checker = null)
    {
        var root = BaseConfigResolver.Resolve(path);
        ConfigOverrideApplier.Apply(root, overrides ?? ConfigOverrides.None);
        var warnings = new List<string>();
        (checker ?? ConfigChecker.Default()).Apply(root, warnings);
        return new SegConfig(path, root, warnings);
    }

    /// <summary>Per-device batch size.</summary>
    public long BatchSize => Integer("batch_size");

    /// <summary>Total training iterations.</summary>
    public long Iters => Integer("iters");

    public bool ToStaticTraining => Root.Get("to_static_training") is ConfigScalar { Value: bool b } && b;

    public ConfigMap Model => Required("model");

    public ConfigMap TrainDataset => Required("train_dataset");

    public ConfigMap? ValDataset => Optional("val_dataset");

    public ConfigMap Optimizer => Required("optimizer");

    public ConfigMap LrScheduler => Required("lr_scheduler");

    public ConfigMap Loss => Required("loss");

    public ConfigMap? DistillLoss => Optional("distill_loss");

    /// <summary>Evaluation options (<c>test_config</c>); empty when absent.</summary>
    public ConfigMap TestConfig => Optional("test_config") ?? new ConfigMap(Root.Location);

    /// <summary>The resolved config as YAML (what <c>seg config show</c> prints).</summary>
    public string ToYaml() => YamlConfigWriter.Write(Root);

    /// <summary>The file name every run folder keeps the resolved config under.</summary>
    public const string ResolvedFileName = "resolved.yml";

    /// <summary>Writes the resolved config to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToYaml());

    /// <summary>Writes <c>resolved.yml</c> into a run folder (created when missing), as every run does; returns its path.</summary>
    public string SaveResolved(string runDirectory)
    {
        Directory.CreateDirectory(runDirectory);
        var path = System.IO.Path.Combine(runDirectory, ResolvedFileName);
        Save(path);
        return path;
    }

    public override string ToString() => ToYaml();

    private long Integer(string key) => Root.Get(key) switch
    {
        ConfigScalar { Value: long l } => l,
        null => throw new ConfigException(Root.Location, $"no '{key}' in the config; add '{key}: <integer>'"),
        var other => throw new ConfigException(other.Location, $"'{key}' must be an integer, not a {ConfigMerger.Describe(other)}; write e.g. '{key}: 4'"),
    };

    private ConfigMap Required(string key) => (ConfigMap)RuleHelpers.RequiredMap(Root, key, key).DeepClone();

    private ConfigMap? Optional(string key) => RuleHelpers.OptionalMap(Root, key, key)?.DeepClone() as ConfigMap;
}
