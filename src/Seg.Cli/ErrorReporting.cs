using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Cli;

// Turns the exceptions a user can cause into one clear line on stderr and a non-zero exit code.
internal static class ErrorReporting
{
    internal static int Run(Func<int> body, TextWriter error)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is TorchLoadException or DllNotFoundException or TorchException or ArgumentException or IOException or RegistryException or Seg.Core.Config.ConfigException)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
