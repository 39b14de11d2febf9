using System.CommandLine;
using Seg.Cli.Launch;
using Seg.Core.Config;
using Seg.Core.Data.Datasets;
using Seg.Core.Training;

namespace Seg.Cli.Commands;

// `seg train`: PaddleSeg's tools/train.py command line, one to one.
internal sealed class TrainCommand
{
    private readonly Option<string[]> plugins;
    private readonly Option<string?> config = CliOptions.Text("--config", "The config file (YAML)");
    private readonly Option<string> device = CliOptions.Choice("--device", "gpu", "Device to train on; gpu falls back to cpu when no GPU is visible", "gpu", "cpu", "xpu", "npu", "mlu");
    private readonly Option<string> saveDir = CliOptions.Text("--save_dir", "./output", "Where checkpoints and logs go");
    private readonly Option<int> numWorkers = CliOptions.Int("--num_workers", 0, "Data loader workers");
    private readonly Option<bool> doEval = CliOptions.Flag("--do_eval", "Evaluate on val_dataset at every save");
    private readonly Option<bool> useVdl = CliOptions.Flag("--use_vdl", "Write TensorBoard event files (train loss, lr, timings, eval metrics, validation images) to save_dir/vdl_log or --log_dir");
    private readonly Option<bool> useEma = CliOptions.Flag("--use_ema", "Keep an exponential moving average of the model (decay min(1 - 1/(iter+1), 0.999)): evaluated after the model, saved as iter_N/ema_model.safetensors and ema_best_model/");
    private readonly Option<string?> resumeModel = CliOptions.Text("--resume_model", "Resume from a checkpoint folder, e.g. output/iter_1000 (model, optimizer, schedule, iteration, best mIoU and data order)");
    private readonly Option<int?> iters = CliOptions.Int("--iters", "Override iters");
    private readonly Option<int?> batchSize = CliOptions.Int("--batch_size", "Override batch_size (per GPU)");
    private readonly Option<double?> learningRate = CliOptions.Float("--learning_rate", "Override lr_scheduler.learning_rate");
    private readonly Option<int> saveInterval = CliOptions.Int("--save_interval", 1000, "Save (and evaluate) every N iterations");
    private readonly Option<int> logIters = CliOptions.Int("--log_iters", 10, "Log every N iterations");
    private readonly Option<int> keepCheckpointMax = CliOptions.Int("--keep_checkpoint_max", 5, "Checkpoints to keep");
    private readonly Option<int?> earlyStopIntervals = CliOptions.Int("--early_stop_intervals", "Stop after N evaluations without improvement");
    private readonly Option<int?> seed = CliOptions.Int("--seed", "Random seed (model initialisation, data order and augmentation)");
    private readonly Option<string> precision = CliOptions.Choice("--precision", "fp32", "Training precision; fp16: automatic mixed precision with PaddleSeg's op lists and loss scaling (float16 autocast on CUDA, bfloat16 on the CPU)", "fp32", "fp16");
    private readonly Option<string> ampLevel = CliOptions.Choice("--amp_level", "O1", "Mixed-precision level with --precision fp16: O1 (autocast with white and black op lists); O2 is not supported", "O1", "O2");
    private readonly Option<string?> profilerOptions = CliOptions.Text("--profiler_options", "Profiler options, e.g. \"batch_range=[10,20];state=GPU\"");
    private readonly Option<string> dataFormat = CliOptions.Choice("--data_format", "NCHW", "Tensor layout", "NCHW", "NHWC");
    private readonly Option<int> repeats = CliOptions.Int("--repeats", 1, "Repeat the training file list N times");
    private readonly Option<string[]> opts = CliOptions.Opts();
    private readonly Option<bool> useMultilabel = CliOptions.Flag("--use_multilabel", "Multi-label evaluation (sets test_config.use_multilabel)");
    private readonly Option<int> nprocPerNode = CliOptions.Int("--nproc_per_node", 1, "Worker processes on this node (data parallel, batch_size per process)");
    private readonly Option<int> nnodes = CliOptions.Int("--nnodes", 1, "Nodes in the run");
    private readonly Option<int> nodeRank = CliOptions.Int("--node_rank", 0, "This node's index in [0, nnodes)");
    private readonly Option<string> masterAddr = CliOptions.Text("--master_addr", "127.0.0.1", "Address of node 0 (where rank 0 hosts the rendezvous)");
    private readonly Option<int?> masterPort = CliOptions.Int("--master_port", "Rendezvous port on node 0 (default: a free port on a single node)");
    private readonly Option<string?> gpus = CliOptions.Text("--gpus", "One worker per listed GPU, e.g. 0,1,2,3 (paddle.distributed.launch --gpus)");
    private readonly Option<bool> syncBn = CliOptions.Flag("--sync_bn", "SyncBatchNorm across the workers on the CPU too (with several GPU workers it is always on, as in PaddleSeg)");
    private readonly Option<string> logDir = CliOptions.Text("--log_dir", "log", "Where the launcher writes workerlog.N; with --use_vdl, also where the TensorBoard event files go (default save_dir/vdl_log)");

    private readonly Func<SegDataset, TextWriter, ITrainingEvaluator>? evaluation;

    /// <summary><paramref name="evaluation"/> replaces the segmentation evaluation of --do_eval (seg cls train); a launcher is refused with it.</summary>
    internal TrainCommand(Option<string[]> plugins, string name = "train", string? description = null, Func<SegDataset, TextWriter, ITrainingEvaluator>? evaluation = null)
    {
        this.plugins = plugins;
        this.evaluation = evaluation;
        Command = new Command(name, description ?? "Train a model from a PaddleSeg config (flags as PaddleSeg's tools/train.py). " +
            "Checkpoints go to save_dir/iter_N (model, optimizer, state.json); Ctrl-C or SIGTERM finishes the current iteration (abandoning an evaluation), saves it and exits with code 130; " +
            "a NaN/infinite loss, output, gradient or weight stops with exit code 3, keeping the last good checkpoint.");
        foreach (var o in new Option[] { config, device, saveDir, numWorkers, doEval, useVdl, useEma, resumeModel, iters, batchSize, learningRate, saveInterval, logIters, keepCheckpointMax, earlyStopIntervals, seed, precision, ampLevel, profilerOptions, dataFormat, repeats, opts, useMultilabel, nprocPerNode, nnodes, nodeRank, masterAddr, masterPort, gpus, logDir, syncBn })
            Command.Options.Add(o);
        Command.SetAction(r => Run(r, r.InvocationConfiguration.Error));
    }

    internal Command Command { get; }

    internal TrainArguments Read(ParseResult r) => new()
    {
        Config = r.GetValue(config) ?? "",
        Device = r.GetValue(device)!,
        SaveDir = r.GetValue(saveDir)!,
        NumWorkers = r.GetValue(numWorkers),
        DoEval = r.GetValue(doEval),
        UseVdl = r.GetValue(useVdl),
        VdlLogDir = r.GetResult(logDir) is { Implicit: false } ? r.GetValue(logDir) : null,
        UseEma = r.GetValue(useEma),
        ResumeModel = r.GetValue(resumeModel),
        Iters = r.GetValue(iters),
        BatchSize = r.GetValue(batchSize),
        LearningRate = r.GetValue(learningRate),
        SaveInterval = r.GetValue(saveInterval),
        LogIters = r.GetValue(logIters),
        KeepCheckpointMax = r.GetValue(keepCheckpointMax),
        EarlyStopIntervals = r.GetValue(earlyStopIntervals),
        Seed = r.GetValue(seed),
        Precision = r.GetValue(precision)!,
        AmpLevel = r.GetValue(ampLevel)!,
        AmpLevelGiven = r.GetResult(ampLevel) is { Implicit: false },
        ProfilerOptions = r.GetValue(profilerOptions),
        DataFormat = r.GetValue(dataFormat)!,
        Repeats = r.GetValue(repeats),
        Opts = r.GetValue(opts) ?? [],
        UseMultilabel = r.GetValue(useMultilabel),
        SyncBn = r.GetValue(syncBn),
        Plugins = r.GetValue(plugins) ?? [],
    };

    internal static IEnumerable<string> Validate(TrainArguments a)
    {
        string?[] checks =
        [
            Validation.ExistingFile("--config", a.Config.Length == 0 ? null : a.Config),
            Validation.ExistingPath("--resume_model", a.ResumeModel),
            Validation.Positive("--iters", a.Iters),
            Validation.Positive("--batch_size", a.BatchSize),
            a.LearningRate is < 0 ? $"--learning_rate must not be negative, got {a.LearningRate}" : null,
            Validation.Positive("--save_interval", a.SaveInterval),
            Validation.Positive("--log_iters", a.LogIters),
            Validation.NotNegative("--keep_checkpoint_max", a.KeepCheckpointMax),
            Validation.NotNegative("--num_workers", a.NumWorkers),
            Validation.Positive("--repeats", a.Repeats),
            Validation.Positive("--early_stop_intervals", a.EarlyStopIntervals),
            PrecisionProblem(a),
        ];
        return checks.OfType<string>().Concat(Validation.Opts(a.Opts));
    }

    // PaddleSeg accepts --amp_level with fp32 and ignores it; Seg says so instead. O2 is not supported.
    private static string? PrecisionProblem(TrainArguments a) =>
        a.Precision == "fp32" && a.AmpLevelGiven ? $"--amp_level {a.AmpLevel} applies only with --precision fp16 (mixed precision); drop it or add --precision fp16"
        : a.Precision == "fp16" && a.AmpLevel == "O2" ? Seg.Core.Precision.MixedPrecision.O2Unsupported
        : null;

    /// <summary>PaddleSeg's order (paddleseg/utils/utils.py::update_config_dict): --learning_rate, --batch_size, --iters, then --opts.</summary>
    internal static ConfigOverrides Overrides(TrainArguments a) => new()
    {
        LearningRate = a.LearningRate,
        BatchSize = a.BatchSize,
        Iters = a.Iters,
        Opts = a.Opts,
    };

    private LaunchArguments ReadLaunch(ParseResult r) => new()
    {
        NprocPerNode = r.GetValue(nprocPerNode),
        Nnodes = r.GetValue(nnodes),
        NodeRank = r.GetValue(nodeRank),
        MasterAddr = r.GetValue(masterAddr)!,
        MasterPort = r.GetValue(masterPort),
        Gpus = r.GetValue(gpus) is { } g ? ParseGpus(g) : null,
        LogDir = r.GetValue(logDir)!,
    };

    private static int[] ParseGpus(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.TryParse(x, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--gpus: '{x}' is not a GPU id (expected e.g. 0,1,2,3)"))];

    private int Run(ParseResult r, TextWriter error)
    {
        var arguments = Read(r);
        if (CommandErrors.Report(error, "train", Validate(arguments))) return CommandErrors.ExitCode;
        var launch = ReadLaunch(r);
        if (CommandErrors.Report(error, "train", launch.Validate())) return CommandErrors.ExitCode;
        var launching = launch.Launches && Environment.GetEnvironmentVariable("RANK") is null;
        // From the start, so a signal while loading still ends with exit 130; a launcher forwards signals to its workers instead.
        using var stop = launching ? null : new StopSignals(error);
        var catalog = PluginsOption.LoadCatalog(arguments.Plugins, error);
        var loaded = ConfigLoader.Load(arguments.Config, Overrides(arguments), catalog.Registry, error);
        if (launching && evaluation is not null) { CommandErrors.Report(error, Command.Name, ["several worker processes are not supported here; train with one process"]); return CommandErrors.ExitCode; }
        if (launching) return WorkerLauncher.Run(launch, LaunchArguments.WorkerArgs(r.Tokens.Select(t => t.Value).ToList()), r.InvocationConfiguration.Output, error);
        return TrainRunner.Run(arguments, loaded, catalog, r.InvocationConfiguration.Output, error, stop!.Token, evaluation);
    }
}
