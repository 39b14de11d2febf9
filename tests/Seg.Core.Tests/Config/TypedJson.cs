using System.Globalization;
using System.Text.Json;
using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

// Compares a config tree with the typed JSON written by tests/fixtures/paddleseg_config_reference.py:
// value for value, type for type (int/float/str/bool/null, list/tuple) and key order.
internal static class TypedJson
{
    internal static JsonElement Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    internal static void AssertSame(JsonElement expected, ConfigNode? actual, string path = "$")
    {
        var difference = Difference(expected, actual, path);
        Assert.That(difference, Is.Null, difference);
    }

    internal static string? Difference(JsonElement expected, ConfigNode? actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object when expected.TryGetProperty("__tuple__", out var items):
                return Sequence(items, actual, path, tuple: true);
            case JsonValueKind.Object when expected.TryGetProperty("__float__", out var special):
                var want = special.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity };
                return actual is ConfigScalar { Value: double d } && d.Equals(want) ? null : $"{path}: expected float {special}, got {Show(actual)}";
            case JsonValueKind.Object:
                if (actual is not ConfigMap map) return $"{path}: expected a mapping, got {Show(actual)}";
                var keys = expected.EnumerateObject().Select(p => p.Name).ToList();
                if (!keys.SequenceEqual(map.Keys)) return $"{path}: expected keys [{string.Join(", ", keys)}], got [{string.Join(", ", map.Keys)}]";
                foreach (var p in expected.EnumerateObject())
                    if (Difference(p.Value, map[p.Name], $"{path}.{p.Name}") is { } d1) return d1;
                return null;
            case JsonValueKind.Array:
                return Sequence(expected, actual, path, tuple: false);
            case JsonValueKind.String:
                return actual is ConfigScalar { Value: string s } && s == expected.GetString() ? null : $"{path}: expected str '{expected.GetString()}', got {Show(actual)}";
            case JsonValueKind.True or JsonValueKind.False:
                return actual is ConfigScalar { Value: bool b } && b == expected.GetBoolean() ? null : $"{path}: expected bool {expected}, got {Show(actual)}";
            case JsonValueKind.Null:
                return actual is ConfigScalar { Value: null } ? null : $"{path}: expected null, got {Show(actual)}";
            case JsonValueKind.Number:
                var raw = expected.GetRawText();
                if (raw.IndexOfAny(['.', 'e', 'E']) >= 0)
                {
                    var f = double.Parse(raw, CultureInfo.InvariantCulture);
                    return actual is ConfigScalar { Value: double got } && got.Equals(f) ? null : $"{path}: expected float {raw}, got {Show(actual)}";
                }
                var i = long.Parse(raw, CultureInfo.InvariantCulture);
                return actual is ConfigScalar { Value: long l } && l == i ? null : $"{path}: expected int {raw}, got {Show(actual)}";
            default:
                return $"{path}: unexpected JSON {expected.ValueKind}";
        }
    }

    private static string? Sequence(JsonElement items, ConfigNode? actual, string path, bool tuple)
    {
        if (actual is not ConfigList list || list.IsTuple != tuple) return $"{path}: expected a {(tuple ? "tuple" : "list")}, got {Show(actual)}";
        var expected = items.EnumerateArray().ToList();
        if (expected.Count != list.Items.Count) return $"{path}: expected {expected.Count} items, got {list.Items.Count}";
        for (var i = 0; i < expected.Count; i++)
            if (Difference(expected[i], list.Items[i], $"{path}[{i}]") is { } d) return d;
        return null;
    }

    private static string Show(ConfigNode? node) => node switch
    {
        null => "nothing",
        ConfigScalar s => $"{s.PythonType} '{s.Text}'",
        ConfigList { IsTuple: true } => "a tuple",
        ConfigList => "a list",
        _ => "a mapping",
    };
}
