using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Seg.Cli.Launch;

/// <summary>
/// `seg train --nproc_per_node N` / `--gpus 0,1`: starts this node's workers (torchrun's environment variables), copies
/// their output to log_dir/workerlog.N (rank 0 also to the console) and watches them. When one fails, the others get
/// <see cref="FailureGrace"/> to exit on their own (their collectives fail as soon as a peer is gone), then are killed;
/// the exit code is the first failing worker's. Ctrl-C (or SIGTERM) is passed on as SIGTERM: every worker stops after
/// the current iteration and rank 0 saves; a second Ctrl-C kills them.
/// </summary>
internal static class WorkerLauncher
{
    internal static readonly TimeSpan FailureGrace = TimeSpan.FromSeconds(30);

    internal static int Run(LaunchArguments l, IReadOnlyList<string> workerArgs, TextWriter output, TextWriter error)
    {
        var port = l.MasterPort ?? FreePort(l.MasterAddr);
        Directory.CreateDirectory(l.LogDir);
        var (file, prefix) = WorkerCommand.Current();
        var threads = Math.Max(1, Environment.ProcessorCount / l.LocalWorkers).ToString(CultureInfo.InvariantCulture);
        error.WriteLine($"launching {l.LocalWorkers} worker(s) of {l.WorldSize} (node {l.NodeRank}/{l.Nnodes}, master {l.MasterAddr}:{port}); logs in {Path.GetFullPath(l.LogDir)}/workerlog.N");
        var workers = new List<WorkerProcess>();
        var stops = 0;
        void Stop()
        {
            if (Interlocked.Increment(ref stops) == 1)
            {
                error.WriteLine("Stopping every worker after its current iteration (Ctrl-C again to kill them)...");
                foreach (var w in Alive(workers)) Signal(w.Process.Id, "TERM");
            }
            else
            {
                foreach (var w in Alive(workers)) Kill(w);
            }
        }
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            Stop();
        }
        Console.CancelKeyPress += OnCancel;
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            Stop();
        });
        try
        {
            for (var local = 0; local < l.LocalWorkers; local++)
            {
                var rank = l.NodeRank * l.LocalWorkers + local;
                var start = new ProcessStartInfo(file);
                foreach (var a in prefix.Concat(workerArgs)) start.ArgumentList.Add(a);
                start.Environment["RANK"] = rank.ToString(CultureInfo.InvariantCulture);
                start.Environment["LOCAL_RANK"] = local.ToString(CultureInfo.InvariantCulture);
                start.Environment["WORLD_SIZE"] = l.WorldSize.ToString(CultureInfo.InvariantCulture);
                start.Environment["LOCAL_WORLD_SIZE"] = l.LocalWorkers.ToString(CultureInfo.InvariantCulture);
                start.Environment["MASTER_ADDR"] = l.MasterAddr;
                start.Environment["MASTER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
                start.Environment["SEG_LAUNCHER_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                if (Environment.GetEnvironmentVariable("SEG_NUM_THREADS") is null) start.Environment["SEG_NUM_THREADS"] = threads;
                if (l.Gpus is { } gpus) start.Environment["CUDA_VISIBLE_DEVICES"] = string.Join(',', gpus);
                var log = Path.Combine(l.LogDir, $"workerlog.{local}");
                workers.Add(new WorkerProcess(rank, local, start, log, local == 0 ? output : null, local == 0 ? error : null));
            }
            return Watch(workers, () => stops > 0, error);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
            foreach (var w in Alive(workers)) Kill(w);
            foreach (var w in workers) w.Dispose();
        }
    }

    private static int Watch(List<WorkerProcess> workers, Func<bool> stopping, TextWriter error)
    {
        var done = new HashSet<WorkerProcess>();
        WorkerProcess? failed = null;
        var deadline = DateTime.MaxValue;
        while (done.Count < workers.Count)
        {
            foreach (var w in workers.Where(w => !done.Contains(w) && w.Process.HasExited))
            {
                w.Drain();
                done.Add(w);
                var code = w.Process.ExitCode;
                if (code == 0 || failed is not null) continue;
                failed = w;
                deadline = DateTime.UtcNow + FailureGrace;
                if (!(stopping() && code == 130))
                    error.WriteLine($"error: rank {w.Rank} (pid {w.Process.Id}) failed with exit code {code}{Signal(code)}: {Cause(w)}; stopping the other workers (see {w.LogPath})");
            }
            if (DateTime.UtcNow > deadline)
            {
                foreach (var w in Alive(workers))
                {
                    error.WriteLine($"error: rank {w.Rank} did not exit within {FailureGrace.TotalSeconds:F0} s of rank {failed!.Rank}'s failure; killing it");
                    Kill(w);
                }
                deadline = DateTime.MaxValue;
            }
            Thread.Sleep(100);
        }
        return failed?.Process.ExitCode ?? 0;
    }

    private static string Cause(WorkerProcess w) => w.LastError.Length > 0 ? w.LastError : "no error message (killed?)";

    private static string Signal(int code) => code > 128 && code < 160 ? $" (killed by signal {code - 128}{(code == 137 ? ", SIGKILL" : code == 143 ? ", SIGTERM" : "")})" : "";

    private static IEnumerable<WorkerProcess> Alive(List<WorkerProcess> workers) => workers.Where(w => !w.Process.HasExited).ToList();

    private static void Kill(WorkerProcess w)
    {
        try
        {
            w.Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    // .NET can only SIGKILL another process; kill(1) sends the polite signal.
    private static void Signal(int pid, string signal)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            p?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    private static int FreePort(string host)
    {
        var address = IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Loopback;
        var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
