using System.Globalization;
using Seg.Core.Checkpoints;
using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Data.Loading;
using Seg.Core.Evaluation;
using Seg.Core.Losses;
using Seg.Core.Optimization;
using Seg.Core.Precision;
using Seg.Core.Progress;
using Seg.Torch;

namespace Seg.Core.Training;

/// <summary>
/// PaddleSeg's iteration-based training loop (paddleseg/core/train.py::train): iterations start+1..iters over a
/// shuffled, drop_last loader re-iterated per epoch; forward in train mode, <see cref="LossSet"/>, backward, optimizer
/// step, lr read, schedule step, zero grad; a [TRAIN] line every log_iters; evaluation and a checkpoint every
/// save_interval and at the last iteration, best_model on a strictly better mIoU. Only rank 0 logs and saves.
/// </summary>
public sealed class Trainer
{
    private readonly SegModel model;
    private readonly TrainingOptimizer optimizer;
    private readonly LossSet losses;
    private readonly SegDataset dataset;
    private readonly TrainerOptions options;

    public Trainer(SegModel model, TrainingOptimizer optimizer, LossSet losses, SegDataset trainDataset, TrainerOptions options)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        this.optimizer = optimizer ?? throw new ArgumentNullException(nameof(optimizer));
        this.losses = losses ?? throw new ArgumentNullException(nameof(losses));
        dataset = trainDataset ?? throw new ArgumentNullException(nameof(trainDataset));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Iters < 1) throw new ArgumentOutOfRangeException(nameof(options), $"iters must be at least 1, got {options.Iters}");
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), $"batch_size must be at least 1, got {options.BatchSize}");
        if (options.SaveInterval < 1) throw new ArgumentOutOfRangeException(nameof(options), $"save_interval must be at least 1, got {options.SaveInterval}");
        if (options.LogIters < 1) throw new ArgumentOutOfRangeException(nameof(options), $"log_iters must be at least 1, got {options.LogIters}");
    }

    /// <summary>Evaluates at every save (PaddleSeg's --do_eval); null: no evaluation, no best_model.</summary>
    public ITrainingEvaluator? Evaluator { get; init; }

    /// <summary>Where the log lines go (rank 0 only).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>Wall clock for the log timestamps and the timings (tests pass a fixed one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Told the start and every iteration ("iter N loss L"); rank 0's CLI draws a live bar with it on a terminal.</summary>
    public IJobProgress? Progress { get; init; }

    /// <summary>More places the log goes (TensorBoard, the run report); rank 0 only.</summary>
    public IReadOnlyList<ITrainingSink> Sinks { get; init; } = [];

    /// <summary>Data parallelism (rank 0's start, gradient averaging); null: one process.</summary>
    public IGradientSynchronizer? Gradients { get; init; }

    /// <summary>Agrees on stops (non-finite loss, Ctrl-C) across ranks.</summary>
    public IStopAgreement Stops { get; init; } = LocalStopAgreement.Instance;

    /// <summary>
    /// Trains until <see cref="TrainerOptions.Iters"/>, a cancellation (the current iteration finishes and is saved; an
    /// evaluation in progress is abandoned) or a non-finite loss, output, gradient or weight (<see cref="NonFiniteGuard"/>:
    /// nothing new is saved). Data-loading and model errors propagate; checkpoints already written stay.
    /// </summary>
    public TrainingResult Run(CancellationToken cancellationToken = default)
    {
        var run = new TrainingRun(this);
        return run.Execute(cancellationToken);
    }

    // One Run's mutable state.
    private sealed class TrainingRun(Trainer t)
    {
        private readonly bool main = t.options.Rank.IsMain;
        private readonly LogWindow window = new();
        private readonly CheckpointRetention retention = new(t.options.KeepCheckpointMax);
        private TrainingMetricsLog? metrics;
        private DataLoader loader = null!;
        private int itersPerEpoch;
        private long seed;
        private int iteration;
        private int startIteration;
        private int lastSaved = -1;
        private string? lastCheckpoint;
        private double bestMeanIoU = -1.0;
        private int bestIteration = -1;
        private ModelEma? ema;
        private double bestEmaMeanIoU = -1.0;
        private int bestEmaIteration = -1;
        private double lastLoss = double.NaN;
        private double lastLr;
        private readonly GradScaler? scaler = t.options.Precision.NewScaler();

        internal TrainingResult Execute(CancellationToken cancellationToken)
        {
            var started = t.Clock.GetTimestamp();
            var resumed = Resume();
            seed = resumed?.Seed ?? t.options.Seed ?? IterationSeeds.NewRunSeed();
            if (resumed is not null && t.options.Seed is { } asked && asked != resumed.Seed)
                Info(string.Create(CultureInfo.InvariantCulture, $"[TRAIN] warning: --seed {asked} is ignored on resume; the checkpoint's run seed {resumed.Seed} continues its data order"));
            loader = new DataLoader(t.dataset, new DataLoaderOptions
            {
                BatchSize = t.options.BatchSize,
                Shuffle = true,
                DropLast = true,
                NumWorkers = t.options.NumWorkers,
                Seed = seed,
                Rank = t.options.Rank.Rank,
                WorldSize = t.options.Rank.WorldSize,
            });
            itersPerEpoch = loader.BatchesPerEpoch;
            if (itersPerEpoch == 0)
                throw new InvalidOperationException($"the training dataset has {t.dataset.Count} sample(s), fewer than batch_size {t.options.BatchSize} × {t.options.Rank.WorldSize} rank(s): no full batch can be made (drop_last); lower batch_size or add data");
            if (resumed is not null && resumed.BatchesPerEpoch != 0 && resumed.BatchesPerEpoch != itersPerEpoch)
                Info($"[TRAIN] warning: the checkpoint was taken with {resumed.BatchesPerEpoch} batches per epoch, now there are {itersPerEpoch}; the data order will differ from the original run");

            if (t.options.UseEma) ema = StartEma(resumed);
            if (main) metrics = new TrainingMetricsLog(t.options.SaveDir, resumed?.Iteration);
            try
            {
                var result = Loop(cancellationToken);
                result = result with { WallTime = t.Clock.GetElapsedTime(started), LastCheckpoint = lastCheckpoint };
                Summary(result);
                return result;
            }
            finally
            {
                metrics?.Dispose();
                ema?.Dispose();
            }
        }

        // PaddleSeg copies the model into the EMA when training starts, a resume included; Seg restores the checkpoint's EMA when it has one.
        private ModelEma StartEma(CheckpointState? resumed)
        {
            var average = new ModelEma(t.model);
            if (resumed is null || t.options.ResumeFrom is not { } folder) return average;
            bestEmaMeanIoU = resumed.BestEmaMeanIoU;
            bestEmaIteration = resumed.BestEmaIteration;
            var file = Path.Combine(folder, CheckpointFiles.EmaModel);
            if (!File.Exists(file))
            {
                Info($"[TRAIN] warning: {folder} has no {CheckpointFiles.EmaModel} (it was trained without --use_ema); the EMA model starts from the resumed weights, as PaddleSeg's does");
                return average;
            }
            try
            {
                average.Load(file);
                return average;
            }
            catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or Seg.Torch.TorchException)
            {
                average.Dispose();
                throw new CheckpointException($"cannot resume the EMA model from '{file}': {e.Message}", e);
            }
        }

        private CheckpointState? Resume()
        {
            if (t.options.ResumeFrom is not { } folder) return null;
            var state = CheckpointStore.Restore(folder, t.model, t.optimizer);
            iteration = state.Iteration;
            bestMeanIoU = state.BestMeanIoU;
            bestIteration = state.BestIteration;
            lastCheckpoint = Path.GetFullPath(folder);
            Info(string.Create(CultureInfo.InvariantCulture, $"[TRAIN] Resumed from {folder} at iter {state.Iteration}{(state.BestIteration >= 0 ? $" (best mIoU {state.BestMeanIoU:F4} at iter {state.BestIteration})" : "")}"));
            return state;
        }

        private TrainingResult Loop(CancellationToken cancellationToken)
        {
            var iters = t.options.Iters;
            t.model.train();
            t.Gradients?.SynchronizeStart(t.model);
            t.optimizer.ZeroGrad();
            t.Progress?.Start(iteration, iters);
            var device = t.model.parameters().FirstOrDefault()?.device ?? Device.CPU;
            var epoch = (long)(iteration / itersPerEpoch);
            var skip = iteration % itersPerEpoch;
            var batchStart = t.Clock.GetTimestamp();
            startIteration = iteration;
            if (t.Stops.FirstRank(cancellationToken.IsCancellationRequested) >= 0) return Cancelled();
            while (iteration < iters)
            {
                foreach (var batch in TrainingBatches.Of(loader, epoch, skip))
                {
                    using (batch)
                    {
                        iteration++;
                        var readerCost = t.Clock.GetElapsedTime(batchStart).TotalSeconds;
                        if (Step(batch, device) is { } failure) return failure;
                        ema?.Update(t.model, iteration);
                        window.Add(lastLoss, lastTerms, t.Clock.GetElapsedTime(batchStart).TotalSeconds, readerCost, batch.Count);
                    }
                    t.Progress?.Report(iteration, string.Create(CultureInfo.InvariantCulture, $"iter {iteration} loss {lastLoss:F4}"));
                    if (iteration % t.options.LogIters == 0) LogTrain();
                    // Every decision that ends the loop is agreed by all ranks (each rank makes the same collective calls).
                    var stopping = t.Stops.FirstRank(cancellationToken.IsCancellationRequested) >= 0;
                    var saving = iteration % t.options.SaveInterval == 0 || iteration == iters || stopping;
                    if (saving && NonFiniteGuard.Weights(t.model) is { } badWeights) return NonFinite(badWeights, lastTerms, t.options.Rank.Rank);
                    if (iteration % t.options.SaveInterval == 0 || iteration == iters) EvaluateAndSave(cancellationToken);
                    batchStart = t.Clock.GetTimestamp();
                    if (stopping || t.Stops.FirstRank(cancellationToken.IsCancellationRequested) >= 0) return Cancelled();
                    if (iteration >= iters) break;
                }
                epoch++;
                skip = 0;
            }
            return new TrainingResult { Outcome = TrainingOutcome.Completed, LastIteration = iteration, FinalLoss = lastLoss, BestMeanIoU = bestMeanIoU, BestIteration = bestIteration };
        }

        private IReadOnlyList<KeyValuePair<string, double>> lastTerms = [];

        // One iteration's forward, loss, backward and steps; a result when the loss is not finite.
        private TrainingResult? Step(Batch batch, Device device)
        {
            using var scope = torch.NewDisposeScope();
            torch.manual_seed(IterationSeeds.For(seed, iteration));
            var labelsOnHost = batch.Labels ?? throw new InvalidOperationException("the training batch has no labels: a training dataset must give a label for every image");
            var images = batch.Images.to(device);
            BatchLabelCheck.Check(batch, t.dataset.NumClasses, t.dataset.IgnoreIndex, iteration);
            var labels = labelsOnHost.to(device);
            Tensor[] logits;
            LossSetOutput output;
            using (t.options.Precision.Enter(device.type))
            {
                logits = t.model.call(images);
                output = t.losses.Compute(logits, labels);
            }
            using var ownedOutput = output;
            var loss = output.Total.item<float>();
            var terms = output.Terms.Select((term, j) => new KeyValuePair<string, double>($"loss_{j}:{term.Name}", term.Value.item<float>())).ToList();
            var problem = double.IsFinite(loss) ? NonFiniteGuard.Outputs(logits) : string.Create(CultureInfo.InvariantCulture, $"the total loss is {loss}");
            if (t.Stops.FirstRank(problem is not null) is var stopRank and >= 0)
                return NonFinite(problem ?? "another rank's loss or output is not finite", terms, stopRank);
            (scaler is null ? output.Total : scaler.Scale(output.Total)).backward();
            t.Gradients?.AverageGradients(t.model);
            if (scaler is null)
            {
                // After averaging every rank holds the same gradients, so this decision needs no agreement.
                if (NonFiniteGuard.Gradients(t.model) is { } badGradient) return NonFinite(badGradient, terms, t.options.Rank.Rank);
                t.optimizer.Step();
            }
            else
            {
                // PaddleSeg's scaler.step(optimizer); scaler.update(): a step with a NaN or infinite gradient is skipped and lowers the scale.
                scaler.Step(t.model.parameters().Select(p => p.grad), t.optimizer.Step);
                scaler.Update();
            }
            lastLr = t.optimizer.LearningRate;
            t.optimizer.StepSchedule();
            t.optimizer.ZeroGrad();
            lastLoss = loss;
            lastTerms = terms;
            return null;
        }

        private DeviceType ModelDevice() => t.model.parameters().FirstOrDefault()?.device.type ?? DeviceType.CPU;

        private TrainingResult NonFinite(string problem, IReadOnlyList<KeyValuePair<string, double>> terms, int stopRank)
        {
            if (stopRank != t.options.Rank.Rank) terms = [.. terms, new($"but rank {stopRank}'s total loss", double.NaN)];
            var detail = string.Join(", ", terms.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} = {kv.Value}")));
            var kept = lastCheckpoint is null ? "no checkpoint was saved before it" : $"the last good checkpoint is {lastCheckpoint}";
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{problem} at iter {iteration} ({detail}); training stopped without stepping or saving this iteration, {kept}. Lower the learning rate, check the labels (ignore_index, num_classes) or resume from the checkpoint.");
            Error(message);
            return new TrainingResult { Outcome = TrainingOutcome.NonFiniteLoss, LastIteration = iteration - 1, FinalLoss = lastLoss, BestMeanIoU = bestMeanIoU, BestIteration = bestIteration, Message = message };
        }

        private void LogTrain()
        {
            if (window.Count == 0) return;
            var epoch = TrainLogLine.Epoch(iteration, itersPerEpoch);
            Info(TrainLogLine.Train(epoch, iteration, t.options.Iters, window.MeanLoss, lastLr, window.MeanBatchCost, window.MeanReaderCost, window.Ips));
            metrics?.Train(iteration, epoch, window.MeanLoss, window.MeanTerms(), lastLr, window.MeanBatchCost, window.MeanReaderCost, window.Ips,
                TrainLogLine.EtaSeconds(t.options.Iters - iteration, window.MeanBatchCost));
            if (main) foreach (var sink in t.Sinks) sink.Train(new TrainLogEntry(iteration, epoch, window.MeanLoss, window.MeanTerms(), lastLr, window.MeanBatchCost, window.MeanReaderCost, window.Ips));
            window.Reset();
        }

        private void EvaluateAndSave(CancellationToken cancellationToken)
        {
            var improved = false;
            var emaImproved = false;
            if (t.Evaluator is { } evaluator)
            {
                t.model.eval();
                try
                {
                    EvaluationResult result;
                    using (t.options.Precision.Enter(ModelDevice()))
                        result = evaluator.Evaluate(t.model, cancellationToken);
                    metrics?.Eval(iteration, TrainLogLine.Epoch(iteration, itersPerEpoch), result);
                    if (main) foreach (var sink in t.Sinks) sink.Eval(new EvalLogEntry(iteration, TrainLogLine.Epoch(iteration, itersPerEpoch), result, t.model));
                    if (result.MeanIoU > bestMeanIoU)
                    {
                        bestMeanIoU = result.MeanIoU;
                        bestIteration = iteration;
                        improved = true;
                    }
                    emaImproved = ema is not null && EvaluateEma(ema, evaluator, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    Info($"[EVAL] Stopped on request: the evaluation at iter {iteration} is skipped; the checkpoint is saved without it");
                }
                finally
                {
                    t.model.train();
                }
            }
            Save();
            if (improved && main) CheckpointStore.Save(t.options.SaveDir, CheckpointFiles.BestModel, t.model, null, State());
            if (emaImproved && main) CheckpointStore.SaveEma(t.options.SaveDir, CheckpointFiles.EmaBestModel, ema!, State());
            if (t.Evaluator is not null) Info(TrainLogLine.BestModel(bestMeanIoU, bestIteration));
            if (t.Evaluator is not null && ema is not null && bestEmaIteration >= 0)
                Info(string.Create(CultureInfo.InvariantCulture, $"[EVAL] The EMA model with the best validation mIoU ({bestEmaMeanIoU:F4}) was saved at iter {bestEmaIteration}."));
        }

        // PaddleSeg evaluates the EMA model right after the model, with the same evaluation (its own [EVAL] lines).
        private bool EvaluateEma(ModelEma average, ITrainingEvaluator evaluator, CancellationToken cancellationToken)
        {
            EvaluationResult result;
            using (average.SwapInto(t.model))
            using (t.options.Precision.Enter(ModelDevice()))
                result = evaluator.Evaluate(t.model, cancellationToken);
            metrics?.Eval(iteration, TrainLogLine.Epoch(iteration, itersPerEpoch), result, TrainingMetricsLog.EmaEvalType);
            if (result.MeanIoU <= bestEmaMeanIoU) return false;
            bestEmaMeanIoU = result.MeanIoU;
            bestEmaIteration = iteration;
            return true;
        }

        private void Save()
        {
            if (!main || lastSaved == iteration) return;
            lastCheckpoint = CheckpointStore.Save(t.options.SaveDir, CheckpointFiles.IterationFolder(iteration), t.model, t.optimizer, State(), ema);
            lastSaved = iteration;
            retention.Add(lastCheckpoint);
        }

        private CheckpointState State() => new()
        {
            Iteration = iteration,
            Iters = t.options.Iters,
            Schedule = t.optimizer.ScheduleState(),
            BestMeanIoU = bestMeanIoU,
            BestIteration = bestIteration,
            BestEmaMeanIoU = bestEmaMeanIoU,
            BestEmaIteration = bestEmaIteration,
            Epoch = iteration / itersPerEpoch,
            EpochBatchesDone = iteration % itersPerEpoch,
            BatchesPerEpoch = itersPerEpoch,
            Seed = seed,
            WorldSize = t.options.Rank.WorldSize,
        };

        private TrainingResult Cancelled()
        {
            if (iteration > startIteration)
            {
                Save();
                Info($"[TRAIN] Stopped on request after iter {iteration}; saved {lastCheckpoint}. Continue with --resume_model {lastCheckpoint}");
            }
            else
            {
                Info($"[TRAIN] Stopped on request before training iter {iteration + 1}; nothing new to save{(lastCheckpoint is null ? "" : $". Continue with --resume_model {lastCheckpoint}")}");
            }
            return new TrainingResult { Outcome = TrainingOutcome.Cancelled, LastIteration = iteration, FinalLoss = lastLoss, BestMeanIoU = bestMeanIoU, BestIteration = bestIteration };
        }

        private void Summary(TrainingResult result)
        {
            if (result.Outcome == TrainingOutcome.NonFiniteLoss) return;
            var wall = result.WallTime;
            var best = result.BestIteration >= 0 ? string.Create(CultureInfo.InvariantCulture, $", best mIoU {result.BestMeanIoU:F4} at iter {result.BestIteration}") : "";
            Info(string.Create(CultureInfo.InvariantCulture,
                $"[TRAIN] Finished at iter {result.LastIteration}/{t.options.Iters}: final loss {result.FinalLoss:F4}, wall time {(int)wall.TotalHours:00}:{wall.Minutes:00}:{wall.Seconds:00}{best}"));
        }

        private void Info(string message)
        {
            if (main) t.Log.WriteLine(TrainLogLine.Info(t.Clock.GetLocalNow(), message));
        }

        private void Error(string message)
        {
            if (main) t.Log.WriteLine($"{t.Clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} [ERROR]\t{message}");
        }
    }
}
