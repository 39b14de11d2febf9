namespace Seg.Core.Logging;

/// <summary>
/// Where Seg's informational lines go (PaddleSeg's <c>logger.info</c>/<c>logger.warning</c>): Console.Out unless a
/// caller sets <see cref="Out"/>. The setting flows with the async context, so a command (or a test) that sets it
/// captures what model constructors log without affecting concurrent runs.
/// </summary>
public static class SegLog
{
    private static readonly AsyncLocal<TextWriter?> Current = new();

    /// <summary>The writer for log lines; setting null restores Console.Out.</summary>
    public static TextWriter Out
    {
        get => Current.Value ?? Console.Out;
        set => Current.Value = value;
    }

    /// <summary>Writes an informational line.</summary>
    public static void Info(string message) => Out.WriteLine(message);

    /// <summary>Writes a warning line (PaddleSeg's <c>WARNING</c> level).</summary>
    public static void Warning(string message) => Out.WriteLine($"WARNING: {message}");
}
