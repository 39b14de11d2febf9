namespace Seg.Core.Weights.Pickle;

/// <summary>A Python tuple (kept apart from lists, which are <see cref="List{T}"/>).</summary>
internal sealed class PyTuple(object?[] items)
{
    public static readonly PyTuple Empty = new([]);

    public object?[] Items { get; } = items;

    public int Count => Items.Length;

    public object? this[int index] => Items[index];
}
