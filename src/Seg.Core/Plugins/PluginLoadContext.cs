using System.Reflection;
using System.Runtime.Loader;

namespace Seg.Core.Plugins;

/// <summary>
/// One plugin's load context: the assemblies Seg shares (Seg.Core, Seg.Torch, the built-in component
/// assemblies and everything they depend on) come from the host, so plugin types implement the host's
/// contracts; anything else the plugin references is resolved from its own folder (its .deps.json when
/// it has one), so two plugins may carry different versions of the same private dependency.
/// </summary>
internal sealed class PluginLoadContext(string pluginPath, ISet<string> sharedAssemblyNames)
    : AssemblyLoadContext($"Seg plugin {Path.GetFileName(pluginPath)}", isCollectible: false)
{
    private readonly AssemblyDependencyResolver resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name != null && sharedAssemblyNames.Contains(assemblyName.Name)) return null;
        var path = resolver.ResolveAssemblyToPath(assemblyName);
        return path != null ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path != null ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
    }
}
