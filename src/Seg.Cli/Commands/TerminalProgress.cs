using Seg.Core.Training;
using Spectre.Console;

namespace Seg.Cli.Commands;

// A live Spectre.Console progress bar under the log lines, only when seg writes to a terminal (never redirected, never in tests).
internal sealed class TerminalProgress(ProgressTask task) : ITrainingProgress
{
    internal static bool Applies(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    internal static TrainingResult Run(Func<ITrainingProgress, TextWriter, TrainingResult> train) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("train");
                using var progress = new TerminalProgress(task);
                using var log = new LineWriter(line => AnsiConsole.WriteLine(line));
                return train(progress, log);
            });

    public void Start(int startIteration, int iters)
    {
        task.MaxValue = iters;
        task.Value = startIteration;
    }

    public void Report(int iteration, double loss, double learningRate)
    {
        task.Value = iteration;
        task.Description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"iter {iteration} loss {loss:F4}");
    }

    public void Dispose() => task.StopTask();

    // Hands every complete line to the live display, which prints it above the bar.
    private sealed class LineWriter(Action<string> writeLine) : StringWriter
    {
        public override void WriteLine(string? value) => writeLine(value ?? "");
    }
}
