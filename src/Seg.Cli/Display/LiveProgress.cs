using Seg.Core.Progress;
using Spectre.Console;

namespace Seg.Cli.Display;

// A live Spectre.Console bar under the log lines; ProgressDisplay uses it only on an interactive terminal.
internal sealed class LiveProgress(ProgressTask task, string label) : IJobProgress
{
    public void Start(int done, int total)
    {
        task.MaxValue = total;
        task.Value = done;
    }

    public void Report(int done, string? status = null)
    {
        task.Value = done;
        task.Description = status ?? label;
    }

    public void Dispose() => task.StopTask();
}
