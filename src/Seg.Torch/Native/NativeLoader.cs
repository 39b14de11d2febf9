using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Seg.Torch.Native;

// Finds libsegnative.so, checks that it matches this binding, and explains any failure in plain words.
internal static class NativeLoader
{
    internal const int ExpectedAbiVersion = 1;
    private static readonly List<string> Attempts = [];

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The resolver must be in place before the first P/Invoke.")]
    internal static void Install() =>
        NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, Resolve);

    // The runtime calls the resolver for every entry point it binds, so the library is loaded and
    // initialised once and the same handle returned afterwards (initialising again would, for one,
    // reset the thread count the user set).
    private static IntPtr loaded;
    private static readonly object LoadGate = new();

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibSegNative.Lib) return IntPtr.Zero;
        if (loaded != IntPtr.Zero) return loaded;
        lock (LoadGate)
        {
            if (loaded == IntPtr.Zero) loaded = LoadAndInitialize();
            return loaded;
        }
    }

    private static IntPtr LoadAndInitialize()
    {
        foreach (var candidate in Candidates())
        {
            if (!File.Exists(candidate)) { Attempts.Add($"{candidate}: not found"); continue; }
            IntPtr lib;
            try { lib = NativeLibrary.Load(candidate); }
            catch (DllNotFoundException e) { Attempts.Add($"{candidate}: {e.Message}"); continue; }
            catch (BadImageFormatException e) { Attempts.Add($"{candidate}: {e.Message}"); continue; }
            Initialize(lib, candidate);
            return lib;
        }
        throw new DllNotFoundException(MissingLibraryMessage());
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("SEG_NATIVE_LIB");
        if (!string.IsNullOrEmpty(env)) yield return env;
        yield return Path.Combine(AppContext.BaseDirectory, "libsegnative.so");
        // Running from a source checkout: artifacts/native next to the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var lib = Path.Combine(dir.FullName, "artifacts", "native", "libsegnative.so");
            if (File.Exists(lib)) { yield return lib; yield break; }
        }
    }

    internal static string MissingLibraryMessage()
    {
        var sb = new StringBuilder();
        sb.AppendLine("Seg could not load its native library libsegnative.so (the bridge to libtorch and OpenCV).");
        sb.AppendLine("Build it with ./seg env (which installs libtorch-dev, libopencv-dev and cmake when missing),");
        sb.AppendLine("or point SEG_NATIVE_LIB at an existing libsegnative.so. Places tried:");
        foreach (var a in Attempts) sb.AppendLine("  " + a);
        sb.Append("If a file was found but failed to load, libtorch or OpenCV is probably not installed: apt-get install libtorch-dev libopencv-dev.");
        return sb.ToString();
    }

    // Runs once, right after the library is mapped: a library built for another ABI or another
    // libtorch is refused with an explanation, and libtorch gets every core this process may use.
    private static unsafe void Initialize(IntPtr lib, string path)
    {
        if (!NativeLibrary.TryGetExport(lib, "seg_abi_version", out var abiFn))
            throw new TorchLoadException($"{path} is from an older Seg (it has no seg_abi_version). Rebuild it: ./seg env.");
        int abi;
        if (((delegate* unmanaged<int*, int>)abiFn)(&abi) != 0 || abi != ExpectedAbiVersion)
            throw new TorchLoadException($"{path} speaks ABI {abi}, this Seg.Torch expects {ExpectedAbiVersion}. Rebuild the native library (./seg env) so both come from the same checkout.");

        var versionFn = (delegate* unmanaged<byte*, int, int>)NativeLibrary.GetExport(lib, "seg_torch_compiled_version");
        var buf = stackalloc byte[64];
        versionFn(buf, 64);
        var compiled = Marshal.PtrToStringUTF8((IntPtr)buf) ?? "";
        var loaded = LoadedTorchVersion();
        if (loaded != null && !SameMinor(compiled, loaded))
            throw new TorchLoadException($"{path} was compiled against libtorch {compiled} but libtorch {loaded} is loaded. Rebuild the native library against the installed libtorch (./seg env), or install the libtorch it was built for.");

        var threads = DefaultThreads();
        var setThreads = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(lib, "seg_set_num_threads");
        setThreads(threads);
    }

    // SEG_NUM_THREADS, else OMP_NUM_THREADS, else every core this process may use.
    private static int DefaultThreads()
    {
        foreach (var name in new[] { "SEG_NUM_THREADS", "OMP_NUM_THREADS" })
        {
            if (int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0) return n;
        }
        return Environment.ProcessorCount;
    }

    private static void Check(int rc) { if (rc != 0) throw NativeError.Last(rc); }

    internal static unsafe string CompiledTorchVersion()
    {
        var buf = stackalloc byte[64];
        Check(LibSegNative.seg_torch_compiled_version(buf, 64));
        return Marshal.PtrToStringUTF8((IntPtr)buf) ?? "";
    }

    internal static unsafe string OpenCvVersion()
    {
        var buf = stackalloc byte[64];
        Check(LibSegNative.seg_opencv_version(buf, 64));
        return Marshal.PtrToStringUTF8((IntPtr)buf) ?? "";
    }

    // The version of the libtorch_cpu.so actually mapped into this process, from its file name
    // (libtorch_cpu.so.1.13 on Debian), or null when it cannot be told.
    internal static string? LoadedTorchVersion()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var i = line.IndexOf("libtorch_cpu.so", StringComparison.Ordinal);
                if (i < 0) continue;
                var path = line[line.IndexOf('/', StringComparison.Ordinal)..].Trim();
                var resolved = new FileInfo(path).LinkTarget ?? path;
                var file = Path.GetFileName(resolved);
                var suffix = file.Length > "libtorch_cpu.so.".Length ? file["libtorch_cpu.so.".Length..] : null;
                return string.IsNullOrEmpty(suffix) ? null : suffix;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    private static bool SameMinor(string a, string b)
    {
        static string MajorMinor(string v) => string.Join('.', v.Split('.').Take(2));
        return MajorMinor(a) == MajorMinor(b);
    }
}
