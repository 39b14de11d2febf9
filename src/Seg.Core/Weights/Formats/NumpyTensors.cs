using Seg.Core.Weights.Pickle;
using Seg.Torch;

namespace Seg.Core.Weights.Formats;

/// <summary>A numpy array from a pickle as a CPU tensor: byte order swapped when big-endian, Fortran order made row-major.</summary>
internal static class NumpyTensors
{
    public static Tensor ToTensor(NumpyArray array)
    {
        var bytes = array.Dtype.BigEndian ? Swapped(array.Data.Span, array.Dtype.ItemSize) : array.Data;
        if (!array.FortranOrder || array.Shape.Length < 2) return Tensor.FromBytes(bytes.Span, array.Shape, array.Dtype.Type);
        // Column-major data is the row-major data of the reversed shape; reversing the axes back gives the array.
        var reversed = array.Shape.Reverse().ToArray();
        using var transposed = Tensor.FromBytes(bytes.Span, reversed, array.Dtype.Type);
        using var view = transposed.permute(Enumerable.Range(0, reversed.Length).Reverse().Select(i => (long)i).ToArray());
        return view.contiguous();
    }

    internal static byte[] Swapped(ReadOnlySpan<byte> data, int itemSize)
    {
        var result = data.ToArray();
        for (var i = 0; i < result.Length; i += itemSize) result.AsSpan(i, itemSize).Reverse();
        return result;
    }
}
