using Seg.Core.Registry;

namespace Seg.Core.Config;

/// <summary>
/// The one way every command reads a config: PaddleSeg's resolution and checker (with the fixed-dataset constants of
/// the registered datasets), unknown top-level keys reported, then every component bound against the registry
/// (<see cref="ConfigValidator"/>) so that a wrong type, key or value fails before any work or tensor.
/// </summary>
public static class ConfigLoader
{
    /// <summary>
    /// Loads and checks <paramref name="path"/>; config errors throw (<see cref="ConfigException"/>,
    /// <see cref="ConfigBindingException"/>). Warnings and notes go to <paramref name="warnings"/>; an unknown top-level
    /// key is a warning, or an error with <paramref name="strictKeys"/> (<c>seg config show --validate</c>).
    /// </summary>
    public static SegConfig Load(string path, ConfigOverrides? overrides, ComponentRegistry registry, TextWriter? warnings = null, bool validate = true, bool strictKeys = false)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var config = SegConfig.Load(path, overrides, ConfigChecker.Default(new RegistryDatasetDefaults(registry)));
        var unknown = TopLevelKeys.Unknown(config.Root);
        if (strictKeys && unknown.Count > 0) throw new ConfigException(string.Join("; ", unknown));
        foreach (var warning in config.Warnings.Concat(unknown)) warnings?.WriteLine($"warning: {warning}");
        if (validate)
        {
            var report = ConfigValidator.Validate(config.Root, registry);
            foreach (var missing in report.NotAvailable) warnings?.WriteLine($"note: {missing}");
        }
        return config;
    }
}
