namespace Seg.Cli.Commands;

// Argument errors found after parsing: one line each on stderr, exit code 1 (as for parse errors).
internal static class CommandErrors
{
    internal const int ExitCode = 1;

    internal static bool Report(TextWriter error, string command, IEnumerable<string?> errors)
    {
        var any = false;
        foreach (var e in errors.OfType<string>())
        {
            error.WriteLine($"seg {command}: error: {e}");
            any = true;
        }
        return any;
    }
}
