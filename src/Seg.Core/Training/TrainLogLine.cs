using System.Globalization;

namespace Seg.Core.Training;

/// <summary>PaddleSeg v2.9's log lines (paddleseg/core/train.py::train, paddleseg/utils/logger.py): "{time} [INFO]\t{message}" and the [TRAIN] line.</summary>
public static class TrainLogLine
{
    /// <summary>The logger prefix of v2.9: local time, [INFO], a tab.</summary>
    public static string Info(DateTimeOffset time, string message) =>
        $"{time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} [INFO]\t{message}";

    /// <summary>The [TRAIN] message (without the logger prefix).</summary>
    public static string Train(long epoch, int iteration, int iters, double loss, double learningRate, double batchCost, double readerCost, double ips) =>
        string.Create(CultureInfo.InvariantCulture,
            $"[TRAIN] epoch: {epoch}, iter: {iteration}/{iters}, loss: {loss:F4}, lr: {learningRate:F6}, batch_cost: {batchCost:F4}, reader_cost: {readerCost:F5}, ips: {ips:F4} samples/sec | ETA {Eta(iters - iteration, batchCost)}");

    /// <summary>PaddleSeg's calculate_eta: int(remaining × seconds per step) as hh:mm:ss (hours may exceed two digits).</summary>
    public static string Eta(long remainingSteps, double secondsPerStep)
    {
        var seconds = EtaSeconds(remainingSteps, secondsPerStep);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds % 3600 / 60:00}:{seconds % 60:00}");
    }

    public static long EtaSeconds(long remainingSteps, double secondsPerStep) =>
        (long)(Math.Max(0, remainingSteps) * secondsPerStep);

    /// <summary>PaddleSeg's epoch in the log line: (iter − 1) // iters_per_epoch + 1.</summary>
    public static long Epoch(int iteration, int itersPerEpoch) => ((long)iteration - 1) / itersPerEpoch + 1;

    public static string BestModel(double bestMeanIoU, int bestIteration) =>
        string.Create(CultureInfo.InvariantCulture, $"[EVAL] The model with the best validation mIoU ({bestMeanIoU:F4}) was saved at iter {bestIteration}.");
}
