namespace Seg.Cli.Launch;

/// <summary>How to start this same `seg` as a worker: the apphost when running as `seg`, else `dotnet seg.dll`.</summary>
internal static class WorkerCommand
{
    internal static (string FileName, List<string> Prefix) Current()
    {
        var process = Environment.ProcessPath ?? "";
        if (Path.GetFileNameWithoutExtension(process) == "seg") return (process, []);
        var dll = Path.Combine(AppContext.BaseDirectory, "seg.dll");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h
            : Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return (host, [dll]);
    }
}
