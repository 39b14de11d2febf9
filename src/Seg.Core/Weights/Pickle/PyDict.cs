namespace Seg.Core.Weights.Pickle;

/// <summary>A Python dict or OrderedDict: insertion order, a later SETITEM of the same key replaces the value in place.</summary>
internal sealed class PyDict(bool ordered)
{
    private readonly List<KeyValuePair<object?, object?>> items = [];
    private readonly Dictionary<object, int> index = [];

    public bool IsOrderedDict { get; } = ordered;

    public IReadOnlyList<KeyValuePair<object?, object?>> Items => items;

    public void Set(object? key, object? value)
    {
        if (key is string or long or bool && index.TryGetValue(key!, out var at))
        {
            items[at] = new(key, value);
            return;
        }
        if (key is string or long or bool) index[key!] = items.Count;
        items.Add(new(key, value));
    }

    public object? Get(string key) => index.TryGetValue(key, out var at) ? items[at].Value : null;
}
