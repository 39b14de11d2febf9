namespace Seg.Core.Config;

/// <summary>
/// PaddleSeg's <c>merge_config_dicts</c> (paddleseg/cvlibs/config.py): a deep merge where the child wins, lists and scalars replace
/// wholesale, a child mapping merges into a base mapping of the same key, base keys keep their order and new child
/// keys are appended, and a falsy <c>_inherited_</c> in a child mapping drops the base at that level (the key is
/// consumed by this merge only).
/// </summary>
public static class ConfigMerger
{
    public const string InheritKey = "_inherited_";

    /// <summary>Merges <paramref name="child"/> onto <paramref name="baseNode"/>; neither input is modified.</summary>
    public static ConfigMap Merge(ConfigMap child, ConfigNode baseNode, string path = "")
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(baseNode);
        if (child.TryGet(InheritKey, out var inherit) && !IsTruthy(inherit))
        {
            var cut = new ConfigMap(child.Location);
            foreach (var (k, v) in child.Entries.Where(e => e.Key != InheritKey)) cut.Set(k, v);
            return cut;
        }

        // PaddleSeg fails here with "AttributeError: 'NoneType' object has no attribute 'copy'".
        if (baseNode is not ConfigMap baseMap)
        {
            var name = path.Length == 0 ? "the config" : $"'{path}'";
            throw new ConfigException(child.Location,
                $"{name} is a mapping here but a {Describe(baseNode)} in the base config ({baseNode.Location}), so the two cannot be merged; " +
                $"add '{InheritKey}: False' to this mapping to replace the base value, or change the base value to a mapping");
        }

        var result = new ConfigMap(child.Location);
        foreach (var (k, v) in baseMap.Entries) result.Set(k, v);
        foreach (var (k, v) in child.Entries)
        {
            if (v is ConfigMap childValue && result.TryGet(k, out var baseValue))
                result.Set(k, Merge(childValue, baseValue, path.Length == 0 ? k : $"{path}.{k}"));
            else
                result.Set(k, v);
        }
        return result;
    }

    /// <summary>Python's truthiness of a config value (None, False, 0, 0.0, '', [] and {} are falsy).</summary>
    public static bool IsTruthy(ConfigNode node) => node switch
    {
        ConfigScalar { Value: null } => false,
        ConfigScalar { Value: bool b } => b,
        ConfigScalar { Value: long l } => l != 0,
        ConfigScalar { Value: double d } => d != 0,
        ConfigScalar { Value: string s } => s.Length > 0,
        ConfigList list => list.Items.Count > 0,
        ConfigMap map => map.Count > 0,
        _ => true,
    };

    internal static string Describe(ConfigNode node) => node switch
    {
        ConfigMap => "mapping",
        ConfigList { IsTuple: true } => "tuple",
        ConfigList => "list",
        ConfigScalar { Value: null } => "null value",
        ConfigScalar s => $"{s.PythonType} ({s.Text})",
        _ => node.GetType().Name,
    };
}
