using Seg.Cli.Commands;

namespace Seg.Cli.Tests;

// Runs the seg command line in-process and captures what it prints.
internal sealed record SegRun(int ExitCode, string Output, string Error)
{
    internal static SegRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SegCommandLine.Run(args, output, error);
        return new SegRun(code, output.ToString(), error.ToString());
    }
}
