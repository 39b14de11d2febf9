using System.CommandLine;
using Seg.Core.Plugins;

namespace Seg.Cli.Commands;

// The global --plugins DIR (repeatable) and loading the component catalog with it.
internal static class PluginsOption
{
    internal static Option<string[]> Create() => new("--plugins")
    {
        Description = $"A folder with plugin assemblies (repeatable; also {PluginLoadOptions.EnvironmentVariable}, plugins/ next to the seg executable and the checkout's plugins/; `seg plugins` lists the folders searched)",
        Recursive = true,
        Arity = ArgumentArity.OneOrMore,
        DefaultValueFactory = _ => [],
        HelpName = "DIR",
    };

    /// <summary>Loads built-ins and plugins; failures are warnings on stderr (Seg goes on without them).</summary>
    internal static ComponentCatalog LoadCatalog(IEnumerable<string> pluginDirectories, TextWriter error)
    {
        var catalog = PluginLoader.Load(PluginLoadOptions.FromEnvironment(pluginDirectories));
        foreach (var failure in catalog.Failures) error.WriteLine($"warning: {failure}");
        return catalog;
    }
}
