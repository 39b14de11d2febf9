using System.CommandLine;
using Seg.Core.Plugins;

namespace Seg.Cli.Commands;

// `seg plugins`: every registered component (built-in or plugin) with its kind and assembly; `seg plugins new` (PluginsNewCommand).
internal static class PluginsCommand
{
    internal static Command Create(Option<string[]> plugins)
    {
        var command = new Command("plugins", "List every component (built-in and plugin): name, kind and assembly; report plugins that failed to load. `seg plugins new` starts a plugin project.");
        command.Subcommands.Add(PluginsNewCommand.Create());
        command.SetAction(r =>
        {
            var output = r.InvocationConfiguration.Output;
            var options = PluginLoadOptions.FromEnvironment(r.GetValue(plugins) ?? []);
            var catalog = PluginsOption.LoadCatalog(r.GetValue(plugins) ?? [], r.InvocationConfiguration.Error);
            Write(catalog, output);
            WhereItLooked(options, output);
            return 0;
        });
        return command;
    }

    // The plugin folders scanned, so a DLL dropped elsewhere is not a mystery.
    internal static void WhereItLooked(PluginLoadOptions options, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("plugin folders searched (a plugin DLL goes directly in one, or in a subfolder of one):");
        foreach (var (dir, _) in options.SearchDirectories())
        {
            var state = Directory.Exists(dir)
                ? $"{Directory.EnumerateFiles(dir, "*.dll").Count() + Directory.EnumerateDirectories(dir).Sum(d => Directory.EnumerateFiles(d, "*.dll").Count())} DLL(s)"
                : "does not exist";
            output.WriteLine($"  {dir} ({state})");
        }
    }

    internal static void Write(ComponentCatalog catalog, TextWriter output)
    {
        var rows = catalog.Assemblies
            .SelectMany(a => a.Components.Select(c => (c.Name, Kind: c.Kind.ToString(), Assembly: $"{a.Assembly.GetName().Name}{(a.IsPlugin ? $" (plugin: {a.Path})" : "")}")))
            .OrderBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            output.WriteLine("no components registered");
            return;
        }
        var nameWidth = Math.Max(4, rows.Max(r => r.Name.Length)) + 2;
        var kindWidth = Math.Max(4, rows.Max(r => r.Kind.Length)) + 2;
        output.WriteLine($"{"NAME".PadRight(nameWidth)}{"KIND".PadRight(kindWidth)}ASSEMBLY");
        foreach (var (name, kind, assembly) in rows) output.WriteLine($"{name.PadRight(nameWidth)}{kind.PadRight(kindWidth)}{assembly}");
    }
}
