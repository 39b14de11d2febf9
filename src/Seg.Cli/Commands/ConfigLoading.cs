using Seg.Core.Config;
using Seg.Core.Plugins;
using Seg.Core.Registry;

namespace Seg.Cli.Commands;

// How every command reads its config: PaddleSeg's resolution and checker (fixed-dataset constants from the
// registered datasets), then every component bound against the registry so that wrong keys fail before any work.
internal static class ConfigLoading
{
    /// <summary>
    /// Loads and checks <paramref name="path"/>; config errors throw (ConfigException, ConfigBindingException). An unknown
    /// top-level key is a warning, or an error with <paramref name="strictKeys"/> (<c>seg config show --validate</c>).
    /// </summary>
    internal static SegConfig Load(string path, ConfigOverrides overrides, ComponentCatalog catalog, TextWriter error, bool validate = true, bool strictKeys = false)
    {
        var config = SegConfig.Load(path, overrides, ConfigChecker.Default(new RegistryDatasetDefaults(catalog.Registry)));
        var unknown = TopLevelKeys.Unknown(config.Root);
        if (strictKeys && unknown.Count > 0) throw new ConfigException(string.Join("; ", unknown));
        foreach (var warning in config.Warnings.Concat(unknown)) error.WriteLine($"warning: {warning}");
        if (validate)
        {
            var report = ConfigValidator.Validate(config.Root, catalog.Registry);
            foreach (var missing in report.NotAvailable) error.WriteLine($"note: {missing}");
        }
        return config;
    }
}
