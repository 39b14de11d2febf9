using System.Diagnostics;
using System.Globalization;

namespace Seg.Core.Training;

/// <summary>
/// Claims a run folder (<c>save_dir</c>) for one training run: refuses a path that is a file (nothing is deleted) and a
/// folder another live run holds, so two runs never mix their checkpoints or interleave <c>train_log.jsonl</c>. The
/// claim is <c>save_dir/.seg.lock</c> holding the owner's pid, host and start time, created exclusively; a lock whose
/// pid no longer runs on this host is stale and taken over. Disposing releases it.
/// </summary>
public sealed class SaveDirLock : IDisposable
{
    public const string FileName = ".seg.lock";

    private readonly FileStream stream;

    private SaveDirLock(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>A note when a stale lock was taken over (the previous run was killed), else null.</summary>
    public string? TakenOver { get; private init; }

    /// <exception cref="SaveDirException">The path is a file, cannot be created, or is held by a live run.</exception>
    public static SaveDirLock Acquire(string saveDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(saveDir);
        if (File.Exists(saveDir))
            throw new SaveDirException($"--save_dir '{saveDir}' is a file, not a folder; Seg does not delete it: choose another --save_dir or remove the file yourself");
        try
        {
            Directory.CreateDirectory(saveDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new SaveDirException($"cannot create --save_dir '{saveDir}': {e.Message}", e);
        }
        var path = System.IO.Path.Combine(saveDir, FileName);
        string? takenOver = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                using (var w = new StreamWriter(stream, leaveOpen: true)) w.Write(Describe());
                stream.Flush();
                return new SaveDirLock(path, stream) { TakenOver = takenOver };
            }
            catch (IOException) when (File.Exists(path))
            {
                var owner = Owner.Read(path);
                if (owner is null || !owner.IsStale)
                    throw new SaveDirException(
                        $"--save_dir '{saveDir}' is in use by another training run ({owner?.ToString() ?? "owner unknown"}; lock file {path}); " +
                        "two runs in one folder would mix their checkpoints and logs: use another --save_dir, or delete the lock file if that run is gone");
                takenOver = $"warning: --save_dir '{saveDir}' was locked by {owner}, which no longer runs; taking it over";
                File.Delete(path);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new SaveDirException($"cannot write in --save_dir '{saveDir}': {e.Message}", e);
            }
        }
        throw new SaveDirException($"--save_dir '{saveDir}': could not create the lock file {path}");
    }

    public void Dispose()
    {
        stream.Dispose();
        try
        {
            File.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder went away or became read-only; a lock left behind is detected as stale next time.
        }
    }

    private static string Describe()
    {
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture, $"pid={Environment.ProcessId}\nhost={Environment.MachineName}\nstarted={self.StartTime.ToUniversalTime():O}\n");
    }

    private sealed record Owner(int Pid, string Host, string Started)
    {
        // Stale: written on this host by a process that no longer runs (or a pid now reused by a process started later).
        internal bool IsStale
        {
            get
            {
                if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return false;
                try
                {
                    using var p = Process.GetProcessById(Pid);
                    return p.HasExited || p.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) != Started;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    return true;
                }
            }
        }

        internal static Owner? Read(string path)
        {
            try
            {
                var fields = File.ReadAllLines(path).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
                return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, CultureInfo.InvariantCulture, out var id)
                    ? new Owner(id, fields.GetValueOrDefault("host", "?"), fields.GetValueOrDefault("started", "?"))
                    : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        public override string ToString() => $"pid {Pid} on host {Host}, started {Started}";
    }
}
