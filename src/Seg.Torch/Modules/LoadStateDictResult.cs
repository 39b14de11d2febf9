using System.Text;

namespace Seg.Torch.Modules;

/// <summary>What <see cref="Module.load_state_dict"/> found: keys the module has that the source lacks,
/// keys the source has that the module lacks, and keys whose shapes differ (not copied).</summary>
public sealed record LoadStateDictResult(
    IReadOnlyList<string> missing_keys,
    IReadOnlyList<string> unexpected_keys,
    IReadOnlyList<string> mismatched_keys,
    IReadOnlyList<string> loaded_keys)
{
    /// <summary>Descriptions of the shape mismatches, parallel to mismatched_keys.</summary>
    public IReadOnlyList<string> mismatch_details { get; init; } = [];

    public bool IsExact => missing_keys.Count == 0 && unexpected_keys.Count == 0 && mismatched_keys.Count == 0;

    /// <summary>PyTorch's wording: "Error(s) in loading state_dict for X: ...".</summary>
    public string Describe(string moduleName)
    {
        var sb = new StringBuilder($"Error(s) in loading state_dict for {moduleName}:");
        if (missing_keys.Count > 0)
            sb.Append("\n\tMissing key(s) in state_dict: ").Append(string.Join(", ", missing_keys.Select(k => $"\"{k}\""))).Append('.');
        if (unexpected_keys.Count > 0)
            sb.Append("\n\tUnexpected key(s) in state_dict: ").Append(string.Join(", ", unexpected_keys.Select(k => $"\"{k}\""))).Append('.');
        foreach (var d in mismatch_details) sb.Append("\n\t").Append(d);
        return sb.ToString();
    }
}
