namespace Seg.Torch.Images;

/// <summary>An image could not be decoded; the message names the source (file path) and the reason.</summary>
public class ImageDecodeException : IOException
{
    public ImageDecodeException() { }
    public ImageDecodeException(string message) : base(message) { }
    public ImageDecodeException(string message, Exception inner) : base(message, inner) { }

    public ImageDecodeException(string source, string reason, Exception? inner)
        : base($"cannot decode image '{source}': {reason}", inner)
    {
        FileName = source;
        Reason = reason;
    }

    /// <summary>The file path, or a description of the buffer, that failed to decode.</summary>
    public string? FileName { get; }

    public string? Reason { get; }
}
