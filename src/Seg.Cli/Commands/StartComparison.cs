using System.Globalization;

namespace Seg.Cli.Commands;

/// <summary>
/// The quickstart's result: the final mIoU of each seed for each start (scratch, PSSL), and the table that compares them:
/// per start the seeds' mIoU, their mean and spread (sample standard deviation; the range, max - min, beside it), then
/// the PSSL start's gain over scratch, said to exceed the seed spread only when it is larger than both starts' ranges.
/// </summary>
internal sealed class StartComparison
{
    private readonly List<(string Start, List<double> Miou)> starts = [];

    public void Add(string start, double miou)
    {
        var entry = starts.FirstOrDefault(s => s.Start == start);
        if (entry.Miou is null)
        {
            entry = (start, []);
            starts.Add(entry);
        }
        entry.Miou.Add(miou);
    }

    public IReadOnlyList<double> Miou(string start) => starts.FirstOrDefault(s => s.Start == start).Miou ?? [];

    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (n - 1); 0 for one value.</summary>
    public static double Spread(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = Mean(values);
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    public static double Range(IReadOnlyList<double> values) => values.Count == 0 ? 0 : values.Max() - values.Min();

    /// <summary>The table lines; <paramref name="gainStart"/> is compared with <paramref name="baseStart"/> when both have results; each start of <paramref name="notRun"/> gets a row saying why it was not run.</summary>
    public IReadOnlyList<string> Table(string baseStart, string gainStart, IEnumerable<(string Start, string Why)> notRun)
    {
        var lines = new List<string> { string.Format(CultureInfo.InvariantCulture, "{0,-42} {1,5}  {2,-26} {3}", "start", "seeds", "mIoU per seed", "mIoU mean ± spread (range)") };
        foreach (var (start, miou) in starts)
        {
            var perSeed = string.Join(' ', miou.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
            lines.Add(string.Format(CultureInfo.InvariantCulture, "{0,-42} {1,5}  {2,-26} {3:F4} ± {4:F4} ({5:F4})", start, miou.Count, perSeed, Mean(miou), Spread(miou), Range(miou)));
        }
        lines.AddRange(notRun.Select(n => string.Format(CultureInfo.InvariantCulture, "{0,-42} {1,5}  not run: {2}", n.Start, "-", n.Why)));
        var (b, g) = (Miou(baseStart), Miou(gainStart));
        if (b.Count == 0 || g.Count == 0) return lines;
        var gain = Mean(g) - Mean(b);
        var noise = Math.Max(Range(b), Range(g));
        var verdict = g.Count < 2 || b.Count < 2 ? "one seed: no spread measured"
            : Math.Abs(gain) > noise ? (gain > 0 ? "larger than the seed spread" : "PSSL worse, by more than the seed spread")
            : "within the seed spread: no measured difference";
        lines.Add(string.Format(CultureInfo.InvariantCulture, "gain {0} over {1}: {2:+0.0000;-0.0000} mIoU (largest seed range {3:F4}): {4}", gainStart, baseStart, gain, noise, verdict));
        return lines;
    }
}
