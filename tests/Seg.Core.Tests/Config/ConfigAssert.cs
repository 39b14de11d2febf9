using Seg.Core.Config;

namespace Seg.Core.Tests.Config;

internal static class ConfigAssert
{
    /// <summary>Null when both trees hold the same values with the same types and key order, else the first difference.</summary>
    internal static string? SameTyped(ConfigNode? a, ConfigNode? b, string path = "$") => (a, b) switch
    {
        (ConfigScalar x, ConfigScalar y) => x.Value?.GetType() == y.Value?.GetType() && Equals(x.Value, y.Value) ? null : $"{path}: {x.PythonType} '{x.Text}' vs {y.PythonType} '{y.Text}'",
        (ConfigList x, ConfigList y) when x.IsTuple == y.IsTuple && x.Items.Count == y.Items.Count =>
            x.Items.Zip(y.Items).Select((p, i) => SameTyped(p.First, p.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null),
        (ConfigMap x, ConfigMap y) when x.Keys.SequenceEqual(y.Keys) =>
            x.Entries.Select(e => SameTyped(e.Value, y[e.Key], $"{path}.{e.Key}")).FirstOrDefault(d => d is not null),
        _ => $"{path}: {a?.GetType().Name} vs {b?.GetType().Name} (or different lengths/keys)",
    };

    internal static ConfigNode At(ConfigMap root, string dotted)
    {
        ConfigNode node = root;
        foreach (var key in dotted.Split('.')) node = ((ConfigMap)node)[key];
        return node;
    }

    internal static object? ValueAt(ConfigMap root, string dotted) => ((ConfigScalar)At(root, dotted)).Value;
}
