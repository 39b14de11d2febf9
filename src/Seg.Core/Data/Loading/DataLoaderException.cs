namespace Seg.Core.Data.Loading;

/// <summary>Preparing a sample failed; the message names the sample's files and the cause.</summary>
public sealed class DataLoaderException : Exception
{
    public DataLoaderException() { }

    public DataLoaderException(string message) : base(message) { }

    public DataLoaderException(string message, Exception inner) : base(message, inner) { }

    public DataLoaderException(int index, string imagePath, string? labelPath, Exception inner)
        : base($"data loading failed for sample {index} (image '{imagePath}'{(labelPath is null ? "" : $", label '{labelPath}'")}): {inner?.Message}", inner)
    {
        SampleIndex = index;
        ImagePath = imagePath;
        LabelPath = labelPath;
    }

    public int SampleIndex { get; }

    public string? ImagePath { get; }

    public string? LabelPath { get; }
}
