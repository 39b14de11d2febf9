using System.CommandLine;
using Seg.Reports;

namespace Seg.Cli.Commands;

// `seg plot SAVE_DIR`: redraws curves.png from train_log.jsonl and confusion_matrix.png from confusion_matrix.csv.
internal static class PlotCommand
{
    internal static Command Create()
    {
        var saveDir = new Argument<string>("save_dir") { Description = "A run folder (seg train --save_dir) or an evaluation folder (seg val --save_dir)" };
        var command = new Command("plot", "Draw curves.png (loss terms and lr by iteration, mIoU by evaluation) from SAVE_DIR/train_log.jsonl, and confusion_matrix.png from SAVE_DIR/confusion_matrix.csv.");
        command.Arguments.Add(saveDir);
        command.SetAction(r => Run(r.GetValue(saveDir)!, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string saveDir, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(saveDir))
        {
            error.WriteLine($"seg plot: error: '{saveDir}' is not a folder; pass a run's save_dir (it holds train_log.jsonl)");
            return CommandErrors.ExitCode;
        }
        IReadOnlyList<string> written;
        try
        {
            written = RunArtifacts.Plot(saveDir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"seg plot: error: {e.Message.ReplaceLineEndings(" ")}");
            return CommandErrors.ExitCode;
        }
        if (written.Count == 0)
        {
            error.WriteLine($"seg plot: error: '{saveDir}' holds neither train_log.jsonl nor confusion_matrix.csv; pass a folder written by seg train or seg val --confusion_matrix");
            return CommandErrors.ExitCode;
        }
        foreach (var file in written) output.WriteLine($"Saved {file}");
        return 0;
    }
}
