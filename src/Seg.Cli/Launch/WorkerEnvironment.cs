using System.Globalization;

namespace Seg.Cli.Launch;

/// <summary>
/// torchrun's (and `seg train --nproc_per_node`'s) worker variables: RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR,
/// MASTER_PORT. A process started with WORLD_SIZE &gt; 1 joins that run as RANK; Slurm or Kubernetes launchers set the
/// same variables.
/// </summary>
internal sealed record WorkerEnvironment(int Rank, int LocalRank, int WorldSize, string MasterAddr, int MasterPort, TimeSpan Timeout)
{
    /// <summary>Collective and rendezvous timeout when SEG_DIST_TIMEOUT (seconds) is not set.</summary>
    internal static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The worker variables, or null when this is not a multi-process run (WORLD_SIZE unset or 1).</summary>
    internal static WorkerEnvironment? Read(Func<string, string?> env)
    {
        var world = Int(env, "WORLD_SIZE", null);
        if (world is null or 1) return null;
        if (world < 1) throw new ArgumentException($"WORLD_SIZE must be at least 1, got {world}");
        var rank = Int(env, "RANK", null) ?? throw new ArgumentException("WORLD_SIZE is set but RANK is not: a distributed worker needs RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT");
        if (rank < 0 || rank >= world) throw new ArgumentException($"RANK={rank} is not in [0, WORLD_SIZE={world})");
        var addr = env("MASTER_ADDR") is { Length: > 0 } a ? a : "127.0.0.1";
        var port = Int(env, "MASTER_PORT", 29500)!.Value;
        var timeout = Int(env, "SEG_DIST_TIMEOUT", null) is { } s ? TimeSpan.FromSeconds(s) : DefaultTimeout;
        return new WorkerEnvironment(rank, Int(env, "LOCAL_RANK", rank)!.Value, world.Value, addr, port, timeout);
    }

    private static int? Int(Func<string, string?> env, string name, int? fallback)
    {
        var text = env(name);
        if (string.IsNullOrEmpty(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"environment variable {name}='{text}' is not an integer");
    }
}
