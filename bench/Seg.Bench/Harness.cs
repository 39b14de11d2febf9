using System.Diagnostics;
using System.Globalization;

namespace Seg.Bench;

/// <summary>One measured case: the median and minimum of several timed runs, per operation.</summary>
internal sealed record Measurement(string Case, int Threads, string Unit, double Median, double Min, int Runs, int OpsPerRun)
{
    // Tab-separated, the same line torch_bench.py prints; run.sh joins the two.
    public override string ToString() => string.Join('\t', "seg", Case, Threads.ToString(CultureInfo.InvariantCulture), Unit,
        Median.ToString("F3", CultureInfo.InvariantCulture), Min.ToString("F3", CultureInfo.InvariantCulture),
        Runs.ToString(CultureInfo.InvariantCulture), OpsPerRun.ToString(CultureInfo.InvariantCulture));
}

internal static class Harness
{
    /// <summary>
    /// Runs <paramref name="body"/> <paramref name="opsPerRun"/> times per run, <paramref name="warmupRuns"/>
    /// untimed runs first, then <paramref name="runs"/> timed ones; reports the time per call in the unit
    /// (1e-6 = µs, 1e-3 = ms).
    /// </summary>
    internal static Measurement Measure(string name, int threads, Action body, int opsPerRun, int warmupRuns, int runs, string unit)
    {
        var scale = unit switch { "us" => 1e6, "ms" => 1e3, _ => throw new ArgumentException("unit must be us or ms", nameof(unit)) };
        for (var w = 0; w < warmupRuns; w++)
            for (var i = 0; i < opsPerRun; i++) body();
        var perOp = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < opsPerRun; i++) body();
            perOp[r] = Stopwatch.GetElapsedTime(start).TotalSeconds * scale / opsPerRun;
        }
        Array.Sort(perOp);
        var median = runs % 2 == 1 ? perOp[runs / 2] : (perOp[runs / 2 - 1] + perOp[runs / 2]) / 2;
        return new Measurement(name, threads, unit, median, perOp[0], runs, opsPerRun);
    }
}
