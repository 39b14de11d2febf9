namespace Seg.Torch.Optim;

/// <summary>An optimizer's state for one parameter: named tensors (owned by the optimizer) and a step count.</summary>
public sealed class ParamState : IDisposable
{
    public long step { get; set; }

    /// <summary>E.g. momentum_buffer, exp_avg, exp_avg_sq, max_exp_avg_sq.</summary>
    public OrderedDictionary<string, Tensor> tensors { get; } = new(StringComparer.Ordinal);

    internal Tensor? Get(string name) => tensors.TryGetValue(name, out var t) ? t : null;

    /// <summary>Takes ownership of <paramref name="t"/> (detached from dispose scopes).</summary>
    internal void Set(string name, Tensor t)
    {
        t.DetachFromDisposeScope();
        if (tensors.TryGetValue(name, out var old) && !ReferenceEquals(old, t)) old.Dispose();
        tensors[name] = t;
    }

    public void Dispose()
    {
        foreach (var t in tensors.Values) t.Dispose();
        tensors.Clear();
    }
}
