namespace Seg.Core.Config;

/// <summary>Where a config value was written: file, 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>Values that came from the command line (--opts, --iters, ...).</summary>
    public static SourceLocation CommandLine(string argument) => new($"command line ({argument})", 0, 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
