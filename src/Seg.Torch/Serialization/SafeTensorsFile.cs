namespace Seg.Torch;

/// <summary>The tensors of a safetensors file in header order, with its metadata. Disposing frees the tensors.</summary>
public sealed class SafeTensorsFile(IReadOnlyList<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string> metadata) : IDisposable
{
    public IReadOnlyList<KeyValuePair<string, Tensor>> Tensors { get; } = tensors;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public Tensor this[string name] => Tensors.FirstOrDefault(t => t.Key == name).Value
        ?? throw new KeyNotFoundException($"no tensor '{name}' in the file (it has: {string.Join(", ", Tensors.Select(t => t.Key))})");

    public bool Contains(string name) => Tensors.Any(t => t.Key == name);

    public Dictionary<string, Tensor> ToDictionary() => Tensors.ToDictionary(t => t.Key, t => t.Value);

    public void Dispose()
    {
        foreach (var t in Tensors) t.Value.Dispose();
    }
}
