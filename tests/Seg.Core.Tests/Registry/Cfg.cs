using Seg.Core.Config;

namespace Seg.Core.Tests.Registry;

// Builds config trees by hand, each node located at a line of "model.yml", as the YAML loader would.
internal static class Cfg
{
    internal const string YamlFile = "configs/test/model.yml";

    internal static SourceLocation At(int line) => new(YamlFile, line, 3);

    internal static ConfigScalar S(object? value, int line, string? text = null) => new(value, text, At(line));

    internal static ConfigList L(int line, params ConfigNode[] items) => new(items, At(line));

    internal static ConfigMap M(int line, params (string Key, ConfigNode Value)[] entries)
    {
        var map = new ConfigMap(At(line));
        foreach (var (k, v) in entries) map.Set(k, v);
        return map;
    }
}
