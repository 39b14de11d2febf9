using System.Reflection;
using System.Runtime.Loader;
using McMasterPluginLoader = McMaster.NETCore.Plugins.PluginLoader;

namespace Seg.Core.Plugins;

/// <summary>
/// Loads one plugin assembly through McMaster.NETCore.Plugins: the host's component assemblies (Seg.Core, Seg.Torch,
/// the built-ins) and everything they reference are unified with the host, so plugin types implement the host's
/// contracts; anything else (NuGet packages next to the plugin, listed in its .deps.json, native libraries) resolves
/// from the plugin's folder, so two plugins may carry different versions of the same private dependency. Before
/// anything is registered it checks that the plugin was built against this Seg and that every assembly it needs can
/// be found, so a bad plugin fails with one line that says what to do instead of a type-load error later.
/// </summary>
internal sealed class PluginAssemblyLoader(IReadOnlyList<Assembly> hostComponentAssemblies)
{
    private readonly Dictionary<string, AssemblyName> host = hostComponentAssemblies
        .Select(a => a.GetName())
        .Where(n => n.Name != null)
        .DistinctBy(n => n.Name, StringComparer.Ordinal)
        .ToDictionary(n => n.Name!, StringComparer.Ordinal);

    internal Assembly Load(string path)
    {
        var loader = McMasterPluginLoader.CreateFromAssemblyFile(path, config =>
        {
            foreach (var name in host.Values) config.SharedAssemblies.Add(name);
        });
        var assembly = loader.LoadDefaultAssembly();
        CheckSegVersion(path, assembly);
        CheckDependencies(path, assembly, loader.LoadContext);
        return assembly;
    }

    private void CheckSegVersion(string path, Assembly plugin)
    {
        foreach (var reference in plugin.GetReferencedAssemblies())
        {
            if (reference.Name == null || !host.TryGetValue(reference.Name, out var ours) || reference.Version == ours.Version) continue;
            throw new PluginLoadException(
                $"it was built against {reference.Name} {reference.Version}, but this seg has {ours.Version}: rebuild the plugin against this Seg (dotnet build, its SegDir pointing at {Path.GetDirectoryName(typeof(PluginAssemblyLoader).Assembly.Location)}) and copy the new build into {Path.GetDirectoryName(path)}");
        }
    }

    // Every assembly the plugin (and its private dependencies, transitively) references must resolve now, from the host or the plugin's folder.
    private static void CheckDependencies(string path, Assembly plugin, AssemblyLoadContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([plugin]);
        while (queue.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name == null || !seen.Add(reference.Name)) continue;
                Assembly resolved;
                try
                {
                    resolved = context.LoadFromAssemblyName(reference);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    var dir = Path.GetDirectoryName(path);
                    throw new PluginLoadException(
                        $"it needs {reference.Name} {reference.Version}, which is neither in its folder {dir} nor part of Seg: copy the plugin's whole build output (its .dll, .deps.json and the package DLLs beside them, e.g. bin/Release/net10.0 or dotnet publish) into {dir}", e);
                }
                if (AssemblyLoadContext.GetLoadContext(resolved) == context) queue.Enqueue(resolved);
            }
        }
    }
}
