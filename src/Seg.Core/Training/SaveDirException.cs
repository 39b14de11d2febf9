namespace Seg.Core.Training;

/// <summary>The run folder cannot be used (a file, not writable, or held by another run); the message says what to do.</summary>
public sealed class SaveDirException : Exception
{
    public SaveDirException() : base("the save_dir cannot be used")
    {
    }

    public SaveDirException(string message) : base(message)
    {
    }

    public SaveDirException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
