using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Seg.Core.Distributed;
using Seg.Core.Training;
using Seg.Torch;
using Seg.Torch.Distributed;

namespace Seg.Cli.Launch;

/// <summary>
/// This process as one rank of a data-parallel run: the default c10d process group (Gloo on CPU, NCCL on CUDA), the
/// agreed run seed, SIGTERM as a stop request, and an exit when the launcher that started it is gone (no orphans).
/// </summary>
internal sealed class DistributedWorker : IDisposable
{
    private readonly Timer? launcherWatch;
    private readonly TextWriter error;
    private PosixSignalRegistration? terminate;

    private DistributedWorker(WorkerEnvironment env, ProcessGroup group, TextWriter error)
    {
        Environment = env;
        this.error = error;
        Parallel = new DataParallel(group);
        Rank = new TrainingRank(env.Rank, env.WorldSize);
        if (System.Environment.GetEnvironmentVariable("SEG_LAUNCHER_PID") is { } pidText && int.TryParse(pidText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
            launcherWatch = new Timer(_ => ExitIfGone(pid, error), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    internal WorkerEnvironment Environment { get; }

    internal DataParallel Parallel { get; }

    internal TrainingRank Rank { get; }

    /// <summary>Joins the run described by the environment, or returns null for a single-process run.</summary>
    internal static DistributedWorker? Join(Device device, TextWriter error)
    {
        if (WorkerEnvironment.Read(System.Environment.GetEnvironmentVariable) is not { } env) return null;
        var backend = device.type == DeviceType.CUDA ? "nccl" : "gloo";
        var group = torch.distributed.init_process_group(backend, env.WorldSize, env.Rank, env.MasterAddr, env.MasterPort, env.Timeout);
        error.WriteLine($"rank {env.Rank}/{env.WorldSize} (local {env.LocalRank}, pid {System.Environment.ProcessId}) joined {env.MasterAddr}:{env.MasterPort} over {backend}");
        return new DistributedWorker(env, group, error);
    }

    /// <summary>The device of this rank: CUDA device LOCAL_RANK when training on CUDA.</summary>
    internal Device DeviceFor(Device chosen) => chosen.type == DeviceType.CUDA ? new Device(DeviceType.CUDA, Environment.LocalRank) : chosen;

    /// <summary>Rank 0's seed for every rank (drawn there when none was given), so the data shards stay disjoint.</summary>
    internal long AgreeSeed(long? seed)
    {
        using var t = torch.tensor(new[] { seed ?? IterationSeeds.NewRunSeed() });
        Parallel.Group.broadcast(t, src: 0);
        return t.item<long>();
    }

    /// <summary>SIGTERM (sent by the launcher on Ctrl-C) stops after the current iteration, as Ctrl-C does.</summary>
    internal void StopOnTerminate(CancellationTokenSource cts)
    {
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            cts.Cancel();
        });
    }

    private void ExitIfGone(int pid, TextWriter error)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (!p.HasExited) return;
        }
        catch (ArgumentException)
        {
        }
        error.WriteLine($"error: rank {Rank.Rank}: the launcher (pid {pid}) is gone; exiting");
        error.Flush();
        System.Environment.Exit(1);
    }

    public void Dispose()
    {
        if (Parallel.Gradients.Steps > 0)
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rank {Rank.Rank}: gradient all_reduce {Parallel.Gradients.TotalReduceSeconds * 1000 / Parallel.Gradients.Steps:F1} ms per step over {Parallel.Gradients.Steps} steps"));
        launcherWatch?.Dispose();
        terminate?.Dispose();
        torch.distributed.destroy_process_group();
    }
}
