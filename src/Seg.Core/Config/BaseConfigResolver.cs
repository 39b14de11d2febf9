namespace Seg.Core.Config;

/// <summary>
/// PaddleSeg's <c>parse_from_yaml</c> (paddleseg/cvlibs/config.py): loads a config and its <c>_base_</c> files (a string or a list,
/// relative to the including file, recursively), merging the child onto each base in order, so earlier bases win
/// over later ones. After resolution, an <c>_inherited_</c> key that no merge consumed is an error, because
/// PaddleSeg would pass it on to a component constructor.
/// </summary>
public static class BaseConfigResolver
{
    public const string BaseKey = "_base_";

    /// <summary>Loads and resolves the config file at <paramref name="path"/>.</summary>
    public static ConfigMap Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ConfigException($"config file '{path}' does not exist");
        if (!path.EndsWith("yml", StringComparison.Ordinal) && !path.EndsWith("yaml", StringComparison.Ordinal))
            throw new ConfigException($"config file '{path}' should be a YAML file ending in .yml or .yaml");
        var resolved = Parse(path, []);
        RejectLeftoverInheritKeys(resolved, "");
        return resolved;
    }

    private static ConfigMap Parse(string path, List<string> including)
    {
        var full = Path.GetFullPath(path);
        if (including.Contains(full))
            throw new ConfigException($"'{DisplayPath(path)}' includes itself through _base_: {string.Join(" -> ", including.Append(full).Select(DisplayPath))}");
        var dic = YamlConfigReader.ReadText(File.ReadAllText(path), DisplayPath(path));
        if (!dic.TryGet(BaseKey, out var bases)) return dic;
        dic.Remove(BaseKey);

        including.Add(full);
        foreach (var entry in BaseEntries(bases))
        {
            var name = (string)entry.Value!;
            var basePath = Path.Combine(Path.GetDirectoryName(path) ?? "", name);
            if (!File.Exists(basePath))
                throw new ConfigException(entry.Location, $"base config '{name}' not found (looked for '{DisplayPath(basePath)}'); _base_ paths are relative to the file that names them");
            dic = ConfigMerger.Merge(dic, Parse(basePath, including));
        }
        including.RemoveAt(including.Count - 1);
        return dic;
    }

    private static IEnumerable<ConfigScalar> BaseEntries(ConfigNode bases) => bases switch
    {
        ConfigScalar { Value: string } s => [s],
        ConfigList list => list.Items.Select(i => i is ConfigScalar { Value: string } s
            ? s
            : throw new ConfigException(i.Location, $"each _base_ entry must be a file name (a string), not a {ConfigMerger.Describe(i)}")),
        _ => throw new ConfigException(bases.Location, $"_base_ must be a file name or a list of file names, not a {ConfigMerger.Describe(bases)}"),
    };

    private static void RejectLeftoverInheritKeys(ConfigNode node, string path)
    {
        if (node is ConfigList list)
        {
            for (var i = 0; i < list.Items.Count; i++) RejectLeftoverInheritKeys(list.Items[i], $"{path}[{i}]");
            return;
        }
        if (node is not ConfigMap map) return;
        if (map.TryGet(ConfigMerger.InheritKey, out var value))
        {
            var where = path.Length == 0 ? "the top level" : $"'{path}'";
            throw new ConfigException(value.Location, ConfigMerger.IsTruthy(value)
                ? $"'{ConfigMerger.InheritKey}: {((ConfigScalar)value).Text}' under {where} has no effect (inheriting is the default) and would reach the component as an unknown argument; delete this line"
                : $"'{ConfigMerger.InheritKey}: {(value as ConfigScalar)?.Text}' under {where} has nothing to cut: no _base_ config defines {where}, so PaddleSeg would pass it to the component as an unknown argument; delete this line");
        }
        foreach (var (k, v) in map.Entries) RejectLeftoverInheritKeys(v, path.Length == 0 ? k : $"{path}.{k}");
    }

    /// <summary>A path relative to the working directory when it lies below it, otherwise absolute.</summary>
    internal static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
