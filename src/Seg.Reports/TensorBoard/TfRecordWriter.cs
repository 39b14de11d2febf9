using System.Buffers.Binary;

namespace Seg.Reports.TensorBoard;

/// <summary>
/// TFRecord framing, as TensorBoard reads event files: uint64 length (little-endian), uint32 masked CRC-32C of those
/// 8 bytes, the data, uint32 masked CRC-32C of the data.
/// </summary>
public sealed class TfRecordWriter(Stream stream) : IDisposable
{
    private readonly Stream stream = stream ?? throw new ArgumentNullException(nameof(stream));

    public void Write(ReadOnlySpan<byte> record)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(record));
        stream.Write(header);
        stream.Write(record);
        stream.Write(footer);
    }

    public void Flush() => stream.Flush();

    public void Dispose() => stream.Dispose();
}
