namespace Seg.Core.Weights.Pickle;

/// <summary>
/// A large Python str kept as its UTF-8 bytes (a slice of the file): protocol 2 stores array data as a latin-1 str,
/// which <c>_codecs.encode</c> turns back into bytes without a .NET string in between.
/// </summary>
internal sealed class PyLongText(ReadOnlyMemory<byte> utf8)
{
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}
