namespace Seg.Core.Checkpoints;

/// <summary>A checkpoint folder is missing, incomplete or unreadable; the message names what and where.</summary>
public sealed class CheckpointException : Exception
{
    public CheckpointException() { }

    public CheckpointException(string message) : base(message) { }

    public CheckpointException(string message, Exception inner) : base(message, inner) { }
}
