using System.Globalization;
using Seg.Core.Training;

namespace Seg.Core.Progress;

/// <summary>
/// Progress as plain lines, "{label} {done}/{total} {unit} | ETA hh:mm:ss", about <paramref name="lines"/> of them in a run
/// (every total/lines steps, and the last). The ETA is the mean time of the steps done since <see cref="Start"/> times those
/// left. <paramref name="lines"/> 0 prints nothing: for jobs whose own log lines already say how far they are (training's
/// [TRAIN] line, prediction's per-image line).
/// </summary>
public sealed class PlainProgress(TextWriter output, string label, string unit, int lines = PlainProgress.DefaultLines, TimeProvider? clock = null) : IJobProgress
{
    public const int DefaultLines = 20;

    private readonly TextWriter output = output ?? throw new ArgumentNullException(nameof(output));
    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly int lines = lines >= 0 ? lines : throw new ArgumentOutOfRangeException(nameof(lines), "lines must not be negative");
    private long startedAt;
    private int startDone;
    private int total;
    private int step = 1;
    private int lastPrinted = -1;

    /// <summary>A progress that prints nothing.</summary>
    public static PlainProgress Silent(TextWriter output) => new(output, "", "", 0);

    public void Start(int done, int total)
    {
        startedAt = clock.GetTimestamp();
        startDone = done;
        this.total = total;
        step = Math.Max(1, total / Math.Max(1, lines));
        lastPrinted = done;
    }

    public void Report(int done, string? status = null)
    {
        if (lines == 0 || done == lastPrinted || (done % step != 0 && done != total)) return;
        lastPrinted = done;
        var stepsDone = done - startDone;
        var secondsPerStep = stepsDone > 0 ? clock.GetElapsedTime(startedAt).TotalSeconds / stepsDone : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} {done}/{total} {unit} | ETA {TrainLogLine.Eta(total - done, secondsPerStep)}"));
    }

    public void Dispose()
    {
    }
}
