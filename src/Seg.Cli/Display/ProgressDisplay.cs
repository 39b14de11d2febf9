using Seg.Core.Progress;
using Spectre.Console;

namespace Seg.Cli.Display;

/// <summary>
/// Runs a long job with the progress <see cref="ProgressRule"/> picks: on an interactive terminal a Spectre bar (the job's
/// log lines are printed above it), otherwise <see cref="PlainProgress"/> lines in <c>output</c>.
/// </summary>
internal static class ProgressDisplay
{
    /// <param name="output">Where the command writes; the bar is live only when this is the console.</param>
    /// <param name="label">The bar's name and the plain lines' prefix ("[EVAL]").</param>
    /// <param name="unit">What a step is, in the plain lines ("images").</param>
    /// <param name="plainLines">Plain lines in a run; 0 when the job's own log lines already show how far it is.</param>
    /// <param name="job">The job, given the progress and the writer for its log lines.</param>
    internal static T Run<T>(TextWriter output, string label, string unit, int plainLines, Func<IJobProgress, TextWriter, T> job)
    {
        if (ProgressRule.Choose(output, Console.Out, Console.IsOutputRedirected, AnsiConsole.Profile.Capabilities.Interactive) == ProgressStyle.Plain)
        {
            using var plain = new PlainProgress(output, label, unit, plainLines);
            return job(plain, output);
        }
        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                using var live = new LiveProgress(ctx.AddTask(label), label);
                using var log = new LineWriter(line => AnsiConsole.WriteLine(line));
                return job(live, log);
            });
    }

    // Hands every complete line to the live display, which prints it above the bar.
    private sealed class LineWriter(Action<string> writeLine) : StringWriter
    {
        public override void WriteLine(string? value) => writeLine(value ?? "");
    }
}
