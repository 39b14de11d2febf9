namespace Seg.Core.Weights.Pickle;

/// <summary>Python bytes or bytearray: a slice of the file (or of a decoded latin-1 str), never copied while parsing.</summary>
internal sealed class PyBytes(ReadOnlyMemory<byte> data)
{
    public ReadOnlyMemory<byte> Data { get; } = data;
}
