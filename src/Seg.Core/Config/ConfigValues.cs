namespace Seg.Core.Config;

/// <summary>Python's <c>==</c> between config values (1 == 1.0 == True), used where PaddleSeg compares values.</summary>
public static class ConfigValues
{
    public static bool PythonEquals(ConfigNode? a, ConfigNode? b) => (a, b) switch
    {
        (null, null) => true,
        (ConfigScalar x, ConfigScalar y) => ScalarEquals(x.Value, y.Value),
        (ConfigList x, ConfigList y) => x.IsTuple == y.IsTuple && x.Items.Count == y.Items.Count
            && x.Items.Zip(y.Items).All(p => PythonEquals(p.First, p.Second)),
        (ConfigMap x, ConfigMap y) => x.Count == y.Count && x.Entries.All(e => y.TryGet(e.Key, out var v) && PythonEquals(e.Value, v)),
        _ => false,
    };

    private static bool ScalarEquals(object? x, object? y)
    {
        if (x is string || y is string) return Equals(x, y);
        if (x is null || y is null) return x is null && y is null;
        return AsNumber(x) == AsNumber(y);
    }

    private static double AsNumber(object v) => v switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        double d => d,
        _ => double.NaN,
    };
}
