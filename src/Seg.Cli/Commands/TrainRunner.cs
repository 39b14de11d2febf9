using Seg.Core.Building;
using System.Globalization;
using Seg.Core.Checkpoints;
using Seg.Cli.Display;
using Seg.Core.Config;
using Seg.Core.Data.Checking;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Distributed;
using Seg.Core.Evaluation;
using Seg.Core.Losses;
using Seg.Core.Optimization;
using Seg.Core.Plugins;
using Seg.Core.Precision;
using Seg.Core.Registry;
using Seg.Core.Training;
using Seg.Cli.Launch;
using Seg.Models.Segmentation;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg train` after its arguments and config are valid: PaddleSeg's tools/train.py start-up order (tools/train.py::main),
// then the trainer. Exit codes: 0 done, 130 stopped by Ctrl-C or SIGTERM (a checkpoint saved), 3 non-finite loss,
// output, gradient or weights, 1 errors.
internal static class TrainRunner
{
    internal const int CancelledExitCode = 130;
    internal const int NonFiniteExitCode = 3;

    internal static int Run(TrainArguments a, SegConfig config, ComponentCatalog catalog, TextWriter output, TextWriter error, CancellationToken stop = default,
        Func<SegDataset, TextWriter, ITrainingEvaluator>? evaluation = null)
    {
        foreach (var warning in UnsupportedFlags(a)) error.WriteLine($"warning: {warning}");
        if (a.ResumeModel is { } resume)
        {
            try
            {
                CheckpointStore.Check(resume);
            }
            catch (CheckpointException e)
            {
                error.WriteLine($"error: --resume_model: {e.Message}");
                return ErrorReporting.ExitCode;
            }
        }
        var device = ChooseDevice(a.Device, error);
        using var worker = DistributedWorker.Join(device, error);
        if (worker is not null) device = worker.DeviceFor(device);
        if (a.Seed is { } seed) torch.manual_seed(seed); // before the model is built, so its initialisation follows the seed
        var registry = catalog.Registry;
        var saveDir = a.SaveDir;
        // PaddleSeg deletes a file in the way; Seg refuses it. Only the main rank writes (and locks) the run folder.
        using var saveDirLock = worker?.Rank.IsMain != false ? SaveDirLock.Acquire(saveDir) : null;
        if (saveDirLock?.TakenOver is { } note) error.WriteLine(note);
        if (worker?.Rank.IsMain != false) config.SaveResolved(saveDir);
        RunVisuals? visuals = null;
        if (worker?.Rank.IsMain != false && !RunVisuals.TryOpen(a, saveDir, error, out visuals)) return ErrorReporting.ExitCode;
        using var visualsScope = visuals;

        using var model = SegModelFactory.Build(config, registry);
        model.to(device);
        if (worker is not null && (device.type == DeviceType.CUDA || a.SyncBn))
            error.WriteLine($"SyncBatchNorm: {Seg.Torch.Distributed.SyncBatchNorm.Convert(model, worker.Parallel.Group)} BatchNorm layers share statistics across {worker.Rank.WorldSize} ranks");
        var train = registry.Build<SegDataset>(config.TrainDataset, ComponentKind.Dataset, "train_dataset");
        if (a.Repeats > 1) train = new RepeatedDataset(train, a.Repeats);
        SegDataset? val = null;
        if (a.DoEval)
        {
            var valNode = config.ValDataset ?? throw new ConfigException(config.Root.Location, "--do_eval needs a val_dataset in the config; add one or drop --do_eval");
            val = registry.Build<SegDataset>(valNode, ComponentKind.Dataset, "val_dataset");
        }
        using var optimizer = TrainingOptimizerFactory.Build(config, model, registry);
        var losses = LossSet.FromConfig(config.Loss, registry);

        var options = new TrainerOptions
        {
            Iters = checked((int)config.Iters),
            BatchSize = checked((int)config.BatchSize),
            SaveDir = saveDir,
            SaveInterval = a.SaveInterval,
            LogIters = a.LogIters,
            KeepCheckpointMax = a.KeepCheckpointMax,
            NumWorkers = a.NumWorkers,
            Seed = worker is null || a.ResumeModel is not null ? a.Seed : worker.AgreeSeed(a.Seed), // a resume continues the checkpoint's seed on every rank
            ResumeFrom = a.ResumeModel,
            Rank = worker?.Rank ?? TrainingRank.Single,
            UseEma = a.UseEma,
            Precision = MixedPrecisionFor(a, device, error),
        };
        var inference = InferenceOptions.FromTestConfig(config.TestConfig);
        visuals?.UseValidation(val, inference);
        Func<TextWriter, ITrainingEvaluator?> evaluator = log => val is null ? null
            : evaluation is not null ? evaluation(val, log)
            : worker is null ? Evaluation(val, inference, a.NumWorkers, log)
            : new DistributedEvaluator(worker.Parallel.Group, val, (shard, ct, m) => Evaluator.Evaluate(m, shard, inference, new EvaluationRunOptions { NumWorkers = a.NumWorkers > 0 ? 1 : 0 }, ct), worker.Rank.IsMain ? log : null);
        return Train(model, optimizer, losses, train, options, evaluator, worker, visuals, output, error, stop);
    }

    private static int Train(Seg.Core.Contracts.SegModel model, TrainingOptimizer optimizer, LossSet losses, SegDataset train, TrainerOptions options, Func<TextWriter, ITrainingEvaluator?> evaluator, DistributedWorker? worker, RunVisuals? visuals, TextWriter output, TextWriter error, CancellationToken stop)
    {
        try
        {
            // The [TRAIN] log lines (with their ETA) are the plain progress; a terminal gets a bar as well.
            var result = ProgressDisplay.Run(output, "train", "iters", plainLines: 0, (progress, log) =>
                new Trainer(model, optimizer, losses, train, options) { Evaluator = evaluator(log), Log = log, Progress = progress, Gradients = worker?.Parallel, Stops = Stops(worker), Sinks = visuals?.Sinks ?? [] }.Run(stop));
            visuals?.Finish(result, output);
            switch (result.Outcome)
            {
                case TrainingOutcome.NonFiniteLoss:
                    error.WriteLine($"error: {result.Message}");
                    return NonFiniteExitCode;
                case TrainingOutcome.Cancelled:
                    return CancelledExitCode;
                default:
                    return 0;
            }
        }
        catch (TorchException e) when (worker is not null)
        {
            error.WriteLine($"error: rank {worker.Rank.Rank}: {e.Message.ReplaceLineEndings(" ")}");
            return ErrorReporting.ExitCode;
        }
        catch (Exception e) when (e is CheckpointException or DataLoaderException or LabelCheckException or InvalidOperationException or NotImplementedException)
        {
            error.WriteLine($"error: {e.Message}. Checkpoints already saved in '{options.SaveDir}' are kept.");
            return ErrorReporting.ExitCode;
        }
    }

    private static IStopAgreement Stops(DistributedWorker? worker) => worker is null ? LocalStopAgreement.Instance : worker.Parallel;

    private static DelegateEvaluator Evaluation(SegDataset val, InferenceOptions inference, int numWorkers, TextWriter output) =>
        new((model, ct) => Evaluator.Evaluate(model, val, inference, new EvaluationRunOptions { NumWorkers = numWorkers > 0 ? 1 : 0, Log = output }, ct));

    internal static Device ChooseDevice(string device, TextWriter error) => DeviceChoice.Resolve(device, "training", error);

    // --precision fp16 --amp_level O1 (TrainCommand.Validate refuses O2). PaddleSeg logs "use AMP to train. AMP level = O1".
    private static MixedPrecision MixedPrecisionFor(TrainArguments a, Device device, TextWriter error)
    {
        if (a.Precision != "fp16") return MixedPrecision.Float32;
        var amp = MixedPrecision.Fp16(Enum.Parse<AmpLevel>(a.AmpLevel));
        error.WriteLine($"use AMP to train. AMP level = {a.AmpLevel}: autocast to {(device.type == DeviceType.CPU ? "bfloat16 (libtorch 1.13 has no float16 autocast on the CPU)" : "float16")} with PaddleSeg's op lists, loss scaling from {MixedPrecision.InitLossScaling}");
        if (device.type == DeviceType.CPU && !CpuHasBFloat16())
            error.WriteLine("warning: this CPU has no avx512_bf16: bfloat16 convolutions are emulated and may run slower than fp32");
        return amp;
    }

    private static bool CpuHasBFloat16()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo)) return false;
        var flags = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
        return flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("avx512_bf16");
    }

    private static IEnumerable<string> UnsupportedFlags(TrainArguments a)
    {
        if (a.ProfilerOptions is not null) yield return "--profiler_options is ignored (no profiler)";
        if (a.DataFormat != "NCHW") yield return "--data_format NHWC is ignored; Seg trains in NCHW";
        if (a.EarlyStopIntervals is not null) yield return "--early_stop_intervals is not implemented yet; ignored";
    }
}
