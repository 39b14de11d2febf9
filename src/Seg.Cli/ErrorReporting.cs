using Seg.Core.Checkpoints;
using Seg.Core.Config;
using Seg.Core.Data.Checking;
using Seg.Core.Data.Loading;
using Seg.Core.Registry;
using Seg.Core.Training;
using Seg.Core.Weights;
using Seg.Torch;

namespace Seg.Cli;

// Turns every exception that reaches the top into one line on stderr and exit code 1; the stack trace only with
// --debug or SEG_DEBUG=1. Errors Seg raises on purpose (config errors start with file:line) are printed as they are;
// anything else also names its type, so a message such as "Unable to read beyond the end of the stream" stays traceable.
internal static class ErrorReporting
{
    internal const int ExitCode = 1;
    internal const string DebugFlag = "--debug";
    internal const string DebugEnvironmentVariable = "SEG_DEBUG";

    internal static int Run(Func<int> body, TextWriter error, bool debug = false)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            error.WriteLine($"error: {Describe(e)}");
            if (debug) error.WriteLine(e.ToString());
            return ExitCode;
        }
    }

    /// <summary>Whether <paramref name="args"/> or the environment ask for stack traces.</summary>
    internal static bool DebugRequested(IEnumerable<string> args) =>
        args.Contains(DebugFlag, StringComparer.Ordinal) || Environment.GetEnvironmentVariable(DebugEnvironmentVariable) is "1" or "true";

    internal static string Describe(Exception e)
    {
        var message = OneLine(e.Message);
        return Intended(e) ? message : $"{message} [{e.GetType().Name}; {DebugFlag} or {DebugEnvironmentVariable}=1 shows where]";
    }

    private static bool Intended(Exception e) => e is ConfigException or RegistryException or TorchLoadException or DllNotFoundException or TorchException
        or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or CheckpointException or DataLoaderException
        or LabelCheckException or SaveDirException or WeightsMismatchException;

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
