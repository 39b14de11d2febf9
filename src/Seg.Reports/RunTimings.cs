using System.Globalization;
using Seg.Reports.Plots;

namespace Seg.Reports;

/// <summary>The timing rows of the report.</summary>
public static class RunTimings
{
    /// <summary>Wall time, iterations logged and the means of batch_cost, reader_cost and ips over the [TRAIN] lines.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> FromTrainLog(TrainLog log, TimeSpan? wallTime)
    {
        ArgumentNullException.ThrowIfNull(log);
        var rows = new List<KeyValuePair<string, string>>();
        if (wallTime is { } wall) rows.Add(new("wall time (h:mm:ss)", Clock(wall)));
        if (log.Train.Count > 0)
        {
            rows.Add(new("last logged iteration", log.Train[^1].Iteration.ToString(CultureInfo.InvariantCulture)));
            rows.Add(new("mean batch_cost (s)", F(log.Train.Average(p => p.BatchCost))));
            rows.Add(new("mean reader_cost (s)", F(log.Train.Average(p => p.ReaderCost))));
            rows.Add(new("mean ips (samples/s)", F(log.Train.Average(p => p.Ips))));
        }
        rows.Add(new("evaluations", log.Eval.Count.ToString(CultureInfo.InvariantCulture)));
        return rows;
    }

    public static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}");

    public static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
}
