namespace Seg.Core.Config;

/// <summary>An ordered mapping from string keys to nodes (YAML mapping / Python dict).</summary>
public sealed class ConfigMap(SourceLocation? location = null) : ConfigNode(location)
{
    private readonly List<KeyValuePair<string, ConfigNode>> entries = [];

    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries => entries;

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public int Count => entries.Count;

    public bool ContainsKey(string key) => entries.Exists(e => e.Key == key);

    public ConfigNode? Get(string key) => entries.Find(e => e.Key == key).Value;

    public bool TryGet(string key, out ConfigNode value)
    {
        var i = entries.FindIndex(e => e.Key == key);
        value = i >= 0 ? entries[i].Value : null!;
        return i >= 0;
    }

    /// <summary>Replaces the value in place (keeping the key's position) or appends a new key.</summary>
    public void Set(string key, ConfigNode value)
    {
        var i = entries.FindIndex(e => e.Key == key);
        if (i >= 0) entries[i] = new(key, value);
        else entries.Add(new(key, value));
    }

    public bool Remove(string key) => entries.RemoveAll(e => e.Key == key) > 0;

    public ConfigNode this[string key]
    {
        get => Get(key) ?? throw new KeyNotFoundException($"config has no key '{key}'");
        set => Set(key, value);
    }

    public override ConfigNode DeepClone()
    {
        var copy = new ConfigMap(Location);
        foreach (var (k, v) in entries) copy.entries.Add(new(k, v.DeepClone()));
        return copy;
    }
}
