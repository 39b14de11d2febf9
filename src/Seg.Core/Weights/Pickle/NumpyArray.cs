namespace Seg.Core.Weights.Pickle;

/// <summary>A numpy array read from a pickle: its dtype, shape, memory order and raw bytes (already size-checked).</summary>
internal sealed record NumpyArray(NumpyDtype Dtype, long[] Shape, bool FortranOrder, ReadOnlyMemory<byte> Data)
{
    /// <summary>The element count of <paramref name="shape"/>, or a refusal when a dimension is negative or it overflows.</summary>
    public static long ElementCount(long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new PickleRefusal($"an array of shape ({string.Join(", ", shape)}) has a negative dimension");
            try { count = checked(count * d); }
            catch (OverflowException) { throw new PickleRefusal($"an array of shape ({string.Join(", ", shape)}) has more elements than fit in 64 bits"); }
        }
        return count;
    }

    /// <summary>A checked array: <paramref name="data"/> must hold exactly the bytes the shape and dtype need.</summary>
    public static NumpyArray Of(NumpyDtype dtype, long[] shape, bool fortran, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        var count = ElementCount(shape);
        var needed = count > long.MaxValue / dtype.ItemSize ? long.MaxValue : count * dtype.ItemSize;
        if (needed != data.Length)
            throw new PickleRefusal(
                $"an array of shape ({string.Join(", ", shape)}) and dtype {dtype.Code} needs {needed} bytes but the file holds {data.Length} for it");
        return new NumpyArray(dtype, shape, fortran, data);
    }
}
