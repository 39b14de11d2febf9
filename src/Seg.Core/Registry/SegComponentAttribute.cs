namespace Seg.Core.Registry;

/// <summary>
/// Registers a class under a PaddleSeg <c>type:</c> name. The class must have exactly one public
/// constructor taking a single options object (see <see cref="ComponentRegistration"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SegComponentAttribute(string name, ComponentKind kind) : Attribute
{
    public string Name { get; } = name;

    public ComponentKind Kind { get; } = kind;
}
