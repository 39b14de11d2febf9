namespace Seg.Core.Weights.Pickle;

/// <summary>Raised by an allowlist while a pickle runs; <see cref="PickleMachine"/> adds the file and the byte offset.</summary>
internal sealed class PickleRefusal(string message, string? global = null) : Exception(message)
{
    public string? Global { get; } = global;
}
