namespace Seg.Core.Weights;

/// <summary>
/// A weights file Seg refuses or cannot read: the message names the file (<c>archive!member</c> inside an archive), the
/// byte offset of the offending pickle opcode when there is one, and the refused global when there is one.
/// </summary>
public sealed class WeightsFormatException : IOException
{
    public WeightsFormatException(string message) : base(message) { }

    public WeightsFormatException(string message, Exception inner) : base(message, inner) { }

    public WeightsFormatException(string file, long? offset, string? global, string message)
        : base(offset is null ? $"{file}: {message}" : $"{file}: byte {offset}: {message}")
    {
        File = file;
        Offset = offset;
        Global = global;
    }

    public WeightsFormatException() { }

    /// <summary>The file (or <c>archive!member</c>) that was refused.</summary>
    public string? File { get; }

    /// <summary>The byte offset of the refused opcode inside the pickle stream.</summary>
    public long? Offset { get; }

    /// <summary>The refused global (<c>module.name</c>), when a global was the reason.</summary>
    public string? Global { get; }
}
