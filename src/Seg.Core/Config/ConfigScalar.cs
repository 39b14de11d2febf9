namespace Seg.Core.Config;

/// <summary>
/// A scalar: null, bool, long, double or string, as PyYAML's YAML 1.1 resolver (or literal_eval)
/// typed it. <see cref="Text"/> keeps the source spelling for error messages.
/// </summary>
public sealed class ConfigScalar(object? value, string? text = null, SourceLocation? location = null) : ConfigNode(location)
{
    public object? Value { get; } = value is int i ? (long)i : value is float f ? (double)f : value;

    public string Text { get; } = text ?? Format(value);

    public bool IsNull => Value is null;

    /// <summary>Python's name for the value's type (for messages): NoneType, bool, int, float, str.</summary>
    public string PythonType => Value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        _ => "str",
    };

    public override ConfigNode DeepClone() => new ConfigScalar(Value, Text, Location);

    private static string Format(object? v) => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
