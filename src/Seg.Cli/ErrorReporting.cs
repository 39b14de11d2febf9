using Seg.Torch;

namespace Seg.Cli;

// Turns the exceptions a user can cause into one clear line on stderr and a non-zero exit code.
internal static class ErrorReporting
{
    internal static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is TorchLoadException or DllNotFoundException or TorchException or ArgumentException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
