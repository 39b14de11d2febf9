namespace Seg.Pssl.Npy;

/// <summary>
/// An integer or bool array read from a <c>.npy</c> file: its numpy <c>descr</c> (e.g. <c>&lt;i8</c>), its shape and its
/// values in C (row-major) order, widened to <see cref="long"/> (bool as 0/1; uint64 above <see cref="long.MaxValue"/>
/// wraps, which no label value reaches).
/// </summary>
public sealed class NpyArray
{
    public NpyArray(string descr, long[] shape, long[] values)
    {
        Descr = descr ?? throw new ArgumentNullException(nameof(descr));
        Shape = shape ?? throw new ArgumentNullException(nameof(shape));
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    public string Descr { get; }

    public IReadOnlyList<long> Shape { get; }

    public IReadOnlyList<long> Values { get; }
}
