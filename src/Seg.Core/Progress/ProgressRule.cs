namespace Seg.Core.Progress;

/// <summary>The one rule that picks live or plain progress for every command.</summary>
public static class ProgressRule
{
    /// <summary>
    /// Live only when the job writes to this process's console, that console is not redirected and it is interactive;
    /// plain otherwise (a file, a pipe, a test's StringWriter).
    /// </summary>
    public static ProgressStyle Choose(TextWriter output, TextWriter console, bool outputRedirected, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(console);
        return ReferenceEquals(output, console) && !outputRedirected && interactive ? ProgressStyle.Live : ProgressStyle.Plain;
    }
}
