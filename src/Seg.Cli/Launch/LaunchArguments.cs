namespace Seg.Cli.Launch;

/// <summary>
/// How `seg train` starts worker processes: torchrun's --nproc_per_node/--nnodes/--node_rank/--master_addr/--master_port
/// and PaddleSeg's `paddle.distributed.launch --gpus` (one process per listed GPU) and --log_dir.
/// </summary>
internal sealed record LaunchArguments
{
    /// <summary>The launcher's own flags (each takes one value); they are not passed on to the workers.</summary>
    internal static readonly string[] Flags = ["--nproc_per_node", "--nnodes", "--node_rank", "--master_addr", "--master_port", "--gpus", "--log_dir"];

    public int NprocPerNode { get; init; } = 1;

    public int Nnodes { get; init; } = 1;

    public int NodeRank { get; init; }

    public string MasterAddr { get; init; } = "127.0.0.1";

    public int? MasterPort { get; init; }

    public IReadOnlyList<int>? Gpus { get; init; }

    public string LogDir { get; init; } = "log";

    /// <summary>Processes on this node: one per listed GPU, else --nproc_per_node.</summary>
    public int LocalWorkers => Gpus?.Count ?? NprocPerNode;

    public int WorldSize => Nnodes * LocalWorkers;

    /// <summary>True when this command must start workers instead of training itself.</summary>
    public bool Launches => LocalWorkers > 1 || Nnodes > 1 || Gpus is not null;

    internal IEnumerable<string> Validate()
    {
        if (NprocPerNode < 1) yield return $"--nproc_per_node must be at least 1, got {NprocPerNode}";
        if (Nnodes < 1) yield return $"--nnodes must be at least 1, got {Nnodes}";
        if (NodeRank < 0 || NodeRank >= Nnodes) yield return $"--node_rank {NodeRank} is not in [0, --nnodes {Nnodes})";
        if (MasterPort is < 1 or > 65535) yield return $"--master_port must be in 1..65535, got {MasterPort}";
        if (Gpus is { Count: 0 }) yield return "--gpus needs at least one GPU id, e.g. --gpus 0,1";
        if (Gpus is not null && Gpus.Any(g => g < 0)) yield return "--gpus ids must not be negative";
        if (Gpus is not null && Gpus.Distinct().Count() != Gpus.Count) yield return "--gpus lists a GPU twice";
        if (Nnodes > 1 && MasterPort is null) yield return "--nnodes > 1 needs --master_port (the same on every node)";
    }

    /// <summary>The worker's command line: <paramref name="args"/> without the launcher's flags (and their values).</summary>
    internal static List<string> WorkerArgs(IReadOnlyList<string> args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (Flags.Contains(a))
            {
                i++;
                continue;
            }
            if (Flags.Any(f => a.StartsWith(f + "=", StringComparison.Ordinal))) continue;
            result.Add(a);
        }
        return result;
    }
}
