using System.Diagnostics;

namespace Seg.Core.Tests.Plugins;

// Builds plugins/Seg.Plugins.Example with `dotnet build` (as a plugin author would) and copies its
// output into a fresh folder that Seg was never built with. Shared (as a linked file) by the CLI tests;
// a lock file keeps two test processes from building the project at the same time.
internal static class ExamplePluginBuild
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    internal const string AssemblyName = "Seg.Plugins.Example";

    /// <summary>Builds the plugin and copies it to <paramref name="pluginsDir"/>/Seg.Plugins.Example/; returns that folder.</summary>
    internal static string BuildInto(string repoRoot, string pluginsDir) =>
        BuildInto(Path.Combine(repoRoot, "plugins", AssemblyName), AssemblyName, pluginsDir);

    /// <summary>Builds the plugin project in <paramref name="projectDir"/> and copies its output to <paramref name="pluginsDir"/>/<paramref name="assemblyName"/>/; returns that folder.</summary>
    internal static string BuildInto(string projectDir, string assemblyName, string pluginsDir)
    {
        var output = Path.Combine(projectDir, "bin", Configuration, "net10.0");
        using (AcquireLock())
        {
            // --no-dependencies: Seg.Core and Seg.Torch are already built (this test project references them).
            Run("dotnet", "build", Path.Combine(projectDir, assemblyName + ".csproj"), "-c", Configuration, "--no-dependencies", "-nologo", "-v:q", "-clp:ErrorsOnly");
        }
        var target = Path.Combine(pluginsDir, assemblyName);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(output)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        return target;
    }

    private static FileStream AcquireLock()
    {
        var path = Path.Combine(Path.GetTempPath(), "seg-example-plugin-build.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(500);
            }
        }
    }

    internal static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        // The test host's MSBuild variables must not leak into the child build.
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr}");
    }
}
