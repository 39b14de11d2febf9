namespace Seg.Pssl.Npy;

/// <summary>A <c>.npy</c>/<c>.npz</c> that cannot be read; the message names the file (and array) and what is wrong.</summary>
public sealed class NpyFormatException : FormatException
{
    public NpyFormatException()
    {
    }

    public NpyFormatException(string message)
        : base(message)
    {
    }

    public NpyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
