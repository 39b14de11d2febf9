namespace Seg.Core.Training;

/// <summary>What a [TRAIN] line reports: means over the window since the previous line; <see cref="Terms"/> keyed "loss_i:Name".</summary>
public sealed record TrainLogEntry(
    int Iteration,
    long Epoch,
    double Loss,
    IReadOnlyDictionary<string, double> Terms,
    double LearningRate,
    double BatchCost,
    double ReaderCost,
    double Ips);
