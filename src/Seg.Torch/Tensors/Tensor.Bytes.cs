using Seg.Torch.Native;

namespace Seg.Torch;

// Raw byte views, for serialization.
public partial class Tensor
{
    /// <summary>The elements as little-endian bytes (CPU, row-major).</summary>
    public unsafe byte[] ToBytes()
    {
        var result = new byte[numel() * element_size()];
        fixed (byte* p = result) Check(LibSegNative.seg_tensor_copy_to(handle, p, result.LongLength));
        return result;
    }

    /// <summary>A new CPU tensor holding a copy of <paramref name="bytes"/> read as <paramref name="type"/> with <paramref name="shape"/>.</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, long[] shape, ScalarType type)
    {
        ArgumentNullException.ThrowIfNull(shape);
        fixed (byte* p = bytes)
        fixed (long* s = shape)
            return Result(LibSegNative.seg_tensor_from_data(p, bytes.Length, s, shape.Length, (int)type, 0, -1, 0, out var r), r);
    }
}
