using System.Reflection;
using System.Runtime.Loader;
using Seg.Core.Registry;

namespace Seg.Core.Plugins;

/// <summary>
/// Finds and registers every component assembly: the built-in ones next to the executable (loaded
/// into the host's context) and the plugins in the plugin folders (each in its own load context, through
/// McMaster.NETCore.Plugins: <see cref="PluginAssemblyLoader"/>). Both are recognised by the same marker,
/// <see cref="SegComponentAssemblyAttribute"/>; no list of built-in assemblies is kept anywhere.
/// A plugin folder holds plugin assemblies directly or one subfolder per plugin (with its private
/// dependencies beside it). An assembly that fails to load is reported and skipped; two components
/// with the same kind and name throw <see cref="DuplicateComponentException"/>, naming both assemblies.
/// </summary>
public static class PluginLoader
{
    public static ComponentCatalog Load(PluginLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var registry = new ComponentRegistry();
        var loaded = new List<LoadedComponentAssembly>();
        var failures = new List<PluginFailure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in Dlls(options.AppDirectory, recurse: false))
        {
            if (!seen.Add(path) || !IsComponentAssembly(path, failures)) continue;
            TryRegister(path, isPlugin: false, () => LoadIntoHost(path), registry, loaded, failures);
        }

        var hostAssemblies = loaded.Select(l => l.Assembly).Append(typeof(PluginLoader).Assembly).Distinct().ToList();
        var shared = SharedAssemblyNames(hostAssemblies);
        var pluginLoader = new PluginAssemblyLoader(hostAssemblies);
        foreach (var (dir, optional) in options.SearchDirectories())
        {
            if (!Directory.Exists(dir))
            {
                if (!optional) failures.Add(new PluginFailure(dir, "the plugin folder does not exist"));
                continue;
            }
            foreach (var path in Dlls(dir, recurse: true))
            {
                // A copy of Seg.Core (or another shared assembly) shipped by mistake is never loaded: the host's is used.
                if (!seen.Add(path) || IsShared(path, shared) || !IsComponentAssembly(path, failures)) continue;
                TryRegister(path, isPlugin: true, () => pluginLoader.Load(path), registry, loaded, failures);
            }
        }
        return new ComponentCatalog(registry, loaded, failures);
    }

    private static void TryRegister(string path, bool isPlugin, Func<Assembly> load, ComponentRegistry registry,
        List<LoadedComponentAssembly> loaded, List<PluginFailure> failures)
    {
        try
        {
            var assembly = load();
            loaded.Add(new LoadedComponentAssembly(path, assembly, isPlugin, registry.RegisterAssembly(assembly)));
        }
        catch (DuplicateComponentException)
        {
            throw;
        }
        catch (ReflectionTypeLoadException e)
        {
            var reasons = e.LoaderExceptions.Where(x => x != null).Select(x => x!.Message).Distinct();
            failures.Add(new PluginFailure(path, $"its types could not be loaded: {string.Join("; ", reasons)} (rebuild it against this Seg and copy its whole build output into {Path.GetDirectoryName(path)})"));
        }
        catch (Exception e) when (e is TypeLoadException or MissingMethodException or MissingFieldException)
        {
            failures.Add(new PluginFailure(path, $"{e.Message}: it was probably built against another Seg version; rebuild it against this one"));
        }
        catch (Exception e) when (e is PluginLoadException or ComponentDefinitionException or BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            failures.Add(new PluginFailure(path, e.Message));
        }
    }

    private static bool IsComponentAssembly(string path, List<PluginFailure> failures)
    {
        try
        {
            return ComponentAssemblyProbe.IsComponentAssembly(path);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            failures.Add(new PluginFailure(path, e is BadImageFormatException ? $"not a .NET assembly ({e.Message})" : e.Message));
            return false;
        }
    }

    private static bool IsShared(string path, HashSet<string> shared)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Name is { } name && shared.Contains(name);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or ArgumentException)
        {
            return false;
        }
    }

    private static Assembly LoadIntoHost(string path)
    {
        var name = AssemblyName.GetAssemblyName(path);
        var already = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
        if (already != null) return already;
        try
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
        }
    }

    private static IEnumerable<string> Dlls(string dir, bool recurse)
    {
        if (!Directory.Exists(dir)) return [];
        var top = Directory.EnumerateFiles(dir, "*.dll");
        var nested = recurse ? Directory.EnumerateDirectories(dir).SelectMany(d => Directory.EnumerateFiles(d, "*.dll")) : [];
        return top.Concat(nested).Select(Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
    }

    // The host's component assemblies and everything they reference, transitively: a plugin gets the host's copy of these.
    private static HashSet<string> SharedAssemblyNames(IEnumerable<Assembly> roots)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<AssemblyName>(roots.Select(a => a.GetName()));
        while (queue.TryDequeue(out var name))
        {
            if (name.Name == null || !names.Add(name.Name)) continue;
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyName(name);
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                continue;
            }
            foreach (var reference in assembly.GetReferencedAssemblies()) queue.Enqueue(reference);
        }
        return names;
    }
}
