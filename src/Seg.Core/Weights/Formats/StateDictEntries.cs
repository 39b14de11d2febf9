using Seg.Core.Weights.Pickle;

namespace Seg.Core.Weights.Formats;

/// <summary>
/// The name → value entries of an unpickled state dict: the top-level dict (Paddle's <c>StructuredToParameterName@@</c>
/// table and other non-array values skipped) or, for a training checkpoint, its <c>state_dict</c>/<c>model</c> entry.
/// </summary>
internal static class StateDictEntries
{
    private const string NameTable = "StructuredToParameterName@@";
    private static readonly string[] NestedKeys = ["state_dict", "model", "model_state_dict", "net", "params"];

    public static List<KeyValuePair<string, T>> Of<T>(object? root, string source)
    {
        if (root is not PyDict dict)
            throw new WeightsFormatException(source, null, null, $"holds {PickleMachine.Describe(root)}, not a state dict (a dict of name → array)");
        var entries = Entries<T>(dict, source);
        if (entries.Count > 0) return entries;
        foreach (var key in NestedKeys)
            if (dict.Get(key) is PyDict nested && Entries<T>(nested, source) is { Count: > 0 } found) return found;
        throw new WeightsFormatException(source, null, null, "holds a dict without any arrays or tensors: it is not a state dict");
    }

    private static List<KeyValuePair<string, T>> Entries<T>(PyDict dict, string source)
    {
        var entries = new List<KeyValuePair<string, T>>();
        foreach (var (key, value) in dict.Items)
        {
            if (value is not T typed || Equals(key, NameTable)) continue;
            if (key is not string name) throw new WeightsFormatException(source, null, null, $"a state dict key is {PickleMachine.Describe(key)}, not a str");
            entries.Add(new(name, typed));
        }
        return entries;
    }
}
