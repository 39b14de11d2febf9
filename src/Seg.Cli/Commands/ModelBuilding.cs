using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Models.Segmentation;

namespace Seg.Cli.Commands;

// Builds only a config's model, with the component catalog (built-ins and plugins).
internal static class ModelBuilding
{
    internal static (SegConfig Config, SegModel Model) FromConfig(string configPath, IReadOnlyList<string> opts, string[] plugins, TextWriter error)
    {
        var catalog = PluginsOption.LoadCatalog(plugins, error);
        var config = ConfigLoader.Load(configPath, new ConfigOverrides { Opts = opts }, catalog.Registry, error);
        // Only the architecture: summary inspects it and run loads its own --weights.
        using var architectureOnly = PretrainedWeights.ArchitectureOnly();
        return (config, SegModelFactory.Build(config, catalog.Registry));
    }
}
