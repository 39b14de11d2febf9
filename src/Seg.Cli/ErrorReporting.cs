using Seg.Core.Config;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Cli;

// Turns the exceptions a user can cause into one clear line on stderr and exit code 1. Config errors
// (ConfigException, and ConfigBindingException from the registry) already start with file:line.
internal static class ErrorReporting
{
    internal const int ExitCode = 1;

    internal static int Run(Func<int> body, TextWriter error)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is ConfigException or RegistryException or TorchLoadException or DllNotFoundException or TorchException or ArgumentException or IOException)
        {
            error.WriteLine($"error: {OneLine(e.Message)}");
            return ExitCode;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
