using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Weights;

/// <summary>
/// The check behind <c>--model_path</c> (val, predict): trained weights must fit the model exactly, every state-dict
/// entry present with its shape and nothing else in the file, whatever format the state dict was read from. Unlike
/// <c>pretrained:</c> (where skipping a head of another class count is the point), a partial load here would evaluate
/// a partly random network, so it is refused before anything is copied.
/// </summary>
public static class StrictWeights
{
    /// <summary>How many keys of each kind the message names.</summary>
    public const int NamedLimit = 3;

    /// <exception cref="WeightsMismatchException">Some entry is missing, of another shape, or unexpected.</exception>
    public static void Check(Module module, IEnumerable<KeyValuePair<string, Tensor>> stateDict, string source)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(stateDict);
        var file = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (key, value) in stateDict) file.TryAdd(key, value.shape);
        var own = module.state_dict();
        var missing = own.Keys.Where(k => !file.ContainsKey(k)).ToList();
        var unexpected = file.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatched = own.Where(kv => file.TryGetValue(kv.Key, out var shape) && !shape.SequenceEqual(kv.Value.shape))
            .Select(kv => $"{kv.Key} {Shape(file[kv.Key])} in the file vs {Shape(kv.Value.shape)} in the model").ToList();
        if (missing.Count == 0 && unexpected.Count == 0 && mismatched.Count == 0) return;

        var model = module.GetType().Name;
        if (missing.Count == own.Count)
            throw new WeightsMismatchException(
                $"'{source}' holds none of the {own.Count} weights of {model} (its keys look like {Named(unexpected, file.Count)}): it is not this model's weights " +
                "(an optimizer.safetensors?); pass the checkpoint folder (output/best_model) or its model.safetensors");
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"{missing.Count} missing ({Named(missing, missing.Count)})");
        if (mismatched.Count > 0) parts.Add($"{mismatched.Count} of another shape ({Named(mismatched, mismatched.Count)})");
        if (unexpected.Count > 0) parts.Add($"{unexpected.Count} not in the model ({Named(unexpected, unexpected.Count)})");
        var fit = own.Count - missing.Count - mismatched.Count;
        throw new WeightsMismatchException(
            $"'{source}' does not fit {model}: only {fit}/{own.Count} weights would load; {string.Join("; ", parts)}. " +
            "It was saved from another config (architecture, backbone or num_classes): evaluate it with the config it was trained with");
    }

    private static string Named(IReadOnlyList<string> keys, int count) =>
        string.Join(", ", keys.Take(NamedLimit)) + (count > NamedLimit ? $", ... ({count - NamedLimit} more)" : "");

    private static string Shape(IEnumerable<long> shape) => $"[{string.Join(',', shape)}]";
}
