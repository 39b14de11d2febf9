namespace Seg.Core.Config;

/// <summary>
/// A problem in a config file or a command-line override. The message names the file and line (when known), the key,
/// and what to write instead.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException() : base("invalid config")
    {
    }

    public ConfigException(string message) : base(message)
    {
    }

    public ConfigException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ConfigException(SourceLocation? location, string message, Exception? innerException = null)
        : base(location is null ? message : $"{location}: {message}", innerException) => Location = location;

    /// <summary>Where the offending value was written, when known.</summary>
    public SourceLocation? Location { get; private init; }

    /// <summary>The same error with a note appended (for example the PaddleSeg rule that found it).</summary>
    internal ConfigException WithNote(string note) => new(Message + note, this) { Location = Location };
}
