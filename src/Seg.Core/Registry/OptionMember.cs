using System.Reflection;

namespace Seg.Core.Registry;

/// <summary>One key of an options class: its config name, the property it sets, and its rules.</summary>
public sealed class OptionMember(string key, PropertyInfo property, bool required, bool allowsNull, NullabilityInfo nullability)
{
    public string Key { get; } = key;

    public PropertyInfo Property { get; } = property;

    public Type Type => Property.PropertyType;

    /// <summary>Declared <c>required</c>: the config must give it.</summary>
    public bool Required { get; } = required;

    /// <summary><c>null</c> is accepted (a nullable value or reference type).</summary>
    public bool AllowsNull { get; } = allowsNull;

    internal NullabilityInfo Nullability { get; } = nullability;
}
