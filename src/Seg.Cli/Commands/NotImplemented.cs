namespace Seg.Cli.Commands;

// What a subcommand whose machinery lands in a later issue says after validating its arguments.
internal static class NotImplemented
{
    internal const int ExitCode = 2;

    internal static int Report(TextWriter error, string command, string what)
    {
        error.WriteLine($"seg {command}: the arguments are valid, but {what} is not implemented yet in Seg; nothing was run.");
        return ExitCode;
    }
}
