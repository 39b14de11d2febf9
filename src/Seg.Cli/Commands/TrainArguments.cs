namespace Seg.Cli.Commands;

/// <summary><c>seg train</c>, with PaddleSeg's tools/train.py flags and defaults (tools/train.py::main).</summary>
public sealed record TrainArguments
{
    public required string Config { get; init; }

    public string Device { get; init; } = "gpu";

    public string SaveDir { get; init; } = "./output";

    public int NumWorkers { get; init; }

    public bool DoEval { get; init; }

    public bool UseVdl { get; init; }

    /// <summary>The TensorBoard folder when --log_dir is given with --use_vdl; null: save_dir/vdl_log.</summary>
    public string? VdlLogDir { get; init; }

    public bool UseEma { get; init; }

    public string? ResumeModel { get; init; }

    public int? Iters { get; init; }

    public int? BatchSize { get; init; }

    public double? LearningRate { get; init; }

    public int SaveInterval { get; init; } = 1000;

    public int LogIters { get; init; } = 10;

    public int KeepCheckpointMax { get; init; } = 5;

    public int? EarlyStopIntervals { get; init; }

    public int? Seed { get; init; }

    public string Precision { get; init; } = "fp32";

    public string AmpLevel { get; init; } = "O1";

    /// <summary>Whether --amp_level was on the command line (it only applies with --precision fp16).</summary>
    public bool AmpLevelGiven { get; init; }

    public string? ProfilerOptions { get; init; }

    public string DataFormat { get; init; } = "NCHW";

    public int Repeats { get; init; } = 1;

    public IReadOnlyList<string> Opts { get; init; } = [];

    public bool UseMultilabel { get; init; }

    /// <summary>SyncBatchNorm in a multi-process CPU run (always on with CUDA workers).</summary>
    public bool SyncBn { get; init; }

    public IReadOnlyList<string> Plugins { get; init; } = [];
}
