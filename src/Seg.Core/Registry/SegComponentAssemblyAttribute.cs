namespace Seg.Core.Registry;

/// <summary>
/// Marks an assembly whose <see cref="SegComponentAttribute"/> classes the plugin scan registers.
/// Built-in assemblies (next to the executable) and plugins are found by this same marker.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class SegComponentAssemblyAttribute : Attribute
{
}
