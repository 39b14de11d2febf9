using System.Reflection;
using Seg.Core.Registry;

namespace Seg.Core.Plugins;

/// <summary>A component assembly that was loaded and registered: a built-in one (host context) or a plugin (its own context).</summary>
public sealed record LoadedComponentAssembly(string Path, Assembly Assembly, bool IsPlugin, IReadOnlyList<ComponentRegistration> Components);
