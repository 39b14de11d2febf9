namespace Seg.Torch.Modules;

// state_dict / load_state_dict with PyTorch's key order and reporting.
public abstract partial class Module
{
    /// <summary>
    /// Every parameter and persistent buffer by dotted key, in PyTorch's order: each module's parameters,
    /// then its buffers, then its children. The values are the module's own tensors: do not dispose them.
    /// </summary>
    public OrderedDictionary<string, Tensor> state_dict()
    {
        var result = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        AddToStateDict(result, "", new HashSet<Module>(ReferenceEqualityComparer.Instance));
        return result;
    }

    private void AddToStateDict(OrderedDictionary<string, Tensor> into, string prefix, HashSet<Module> seen)
    {
        if (!seen.Add(this)) return;
        foreach (var (n, p) in parameters_) into.TryAdd(prefix + n, p);
        foreach (var (n, b) in OwnPersistentBuffers) into.TryAdd(prefix + n, b);
        foreach (var (n, c) in modules_) c.AddToStateDict(into, prefix + n + ".", seen);
    }

    /// <summary>
    /// Copies matching tensors from <paramref name="state_dict"/> into this module's parameters and buffers
    /// (under no_grad, converting dtype and device). strict: throws listing missing, unexpected and
    /// shape-mismatched keys before copying anything. Non-strict: copies every key whose shape matches and
    /// reports the rest. The source tensors stay the caller's.
    /// </summary>
    public LoadStateDictResult load_state_dict(IEnumerable<KeyValuePair<string, Tensor>> state_dict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(state_dict);
        var source = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (k, v) in state_dict) source[k] = v;
        var own = this.state_dict();
        var missing = own.Keys.Where(k => !source.ContainsKey(k)).ToList();
        var unexpected = source.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatched = new List<string>();
        var details = new List<string>();
        var loadable = new List<string>();
        foreach (var (k, target) in own)
        {
            if (!source.TryGetValue(k, out var src)) continue;
            var (have, want) = (src.shape, target.shape);
            if (have.SequenceEqual(want))
            {
                loadable.Add(k);
                continue;
            }
            mismatched.Add(k);
            details.Add($"size mismatch for {k}: copying a param with shape [{string.Join(", ", have)}] from checkpoint, the shape in current model is [{string.Join(", ", want)}].");
        }
        var result = new LoadStateDictResult(missing, unexpected, mismatched, loadable) { mismatch_details = details };
        if (strict && !result.IsExact) throw new InvalidOperationException(result.Describe(name));
        using (torch.no_grad())
        {
            foreach (var k in loadable) own[k].copy_(source[k]);
        }
        return result;
    }
}
