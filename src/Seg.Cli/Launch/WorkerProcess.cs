using System.Diagnostics;

namespace Seg.Cli.Launch;

/// <summary>One started worker: its process, and its stdout and stderr copied to log_dir/workerlog.N (and to the console for local rank 0).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly StreamWriter log;
    private readonly object gate = new();
    private string lastError = "";

    internal WorkerProcess(int rank, int localRank, ProcessStartInfo start, string logPath, TextWriter? consoleOut, TextWriter? consoleError)
    {
        Rank = rank;
        LocalRank = localRank;
        LogPath = logPath;
        log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process = new Process { StartInfo = start };
        Process.OutputDataReceived += (_, e) => Line(e.Data, consoleOut, false);
        Process.ErrorDataReceived += (_, e) => Line(e.Data, consoleError, true);
        Process.Start();
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    internal int Rank { get; }

    internal int LocalRank { get; }

    internal string LogPath { get; }

    internal Process Process { get; }

    /// <summary>The last error line the worker wrote to stderr (its cause, when it failed).</summary>
    internal string LastError
    {
        get
        {
            lock (gate) return lastError;
        }
    }

    private void Line(string? line, TextWriter? console, bool isError)
    {
        if (line is null) return;
        lock (gate)
        {
            log.WriteLine(line);
            if (isError && line.Contains("error", StringComparison.OrdinalIgnoreCase)) lastError = line.Trim();
        }
        if (console is not null)
        {
            lock (console) console.WriteLine(line);
        }
    }

    /// <summary>Waits until the output is read to its end (after the process exited).</summary>
    internal void Drain() => Process.WaitForExit();

    public void Dispose()
    {
        Process.Dispose();
        lock (gate) log.Dispose();
    }
}
