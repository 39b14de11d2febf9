namespace Seg.Core.Registry;

/// <summary>
/// The exact config spelling of an options property (default: the property name in snake_case,
/// <c>NumClasses</c> -> <c>num_classes</c>) or of an enum member (default: the member name).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class ConfigNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
