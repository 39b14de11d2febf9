using Seg.Core.Registry;

namespace Seg.Core.Plugins;

/// <summary>What a scan found: the filled registry, the assemblies it came from, and what failed to load.</summary>
public sealed record ComponentCatalog(ComponentRegistry Registry, IReadOnlyList<LoadedComponentAssembly> Assemblies, IReadOnlyList<PluginFailure> Failures);
