using Seg.Torch;

namespace Seg.Core.Weights;

/// <summary>
/// A state dict read by <see cref="WeightsLoader"/>: name → CPU tensor in file order, where it came from (a file, or
/// <c>archive!member</c>) and its format. Disposing frees the tensors.
/// </summary>
public sealed class LoadedWeights(string source, WeightsFormat format, IReadOnlyList<KeyValuePair<string, Tensor>> tensors) : IDisposable
{
    public string Source { get; } = source;

    public WeightsFormat Format { get; } = format;

    public IReadOnlyList<KeyValuePair<string, Tensor>> Tensors { get; } = tensors;

    public void Dispose()
    {
        foreach (var t in Tensors) t.Value.Dispose();
    }

    internal static LoadedWeights Build<T>(string source, WeightsFormat format, IEnumerable<KeyValuePair<string, T>> entries, Func<T, Tensor> toTensor)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        try
        {
            foreach (var (name, value) in entries) tensors.Add(new(name, toTensor(value)));
        }
        catch
        {
            foreach (var t in tensors) t.Value.Dispose();
            throw;
        }
        return new LoadedWeights(source, format, tensors);
    }
}
