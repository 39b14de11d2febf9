using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports;
using Seg.Reports.Report;
using Seg.Reports.Samples;
using Seg.Reports.TensorBoard;

namespace Seg.Cli.Commands;

// What `seg train` shows of a run besides its log lines (rank 0): TensorBoard events with --use_vdl (the folder is
// opened before training, so an unwritable one fails first), and at the end curves.png, the last evaluation's
// confusion matrix and report.html. A failure at the end warns: checkpoints and train_log.jsonl are already saved.
internal sealed class RunVisuals : IDisposable
{
    internal const string DefaultVdlFolder = "vdl_log";

    private readonly string saveDir;
    private readonly TensorBoardWriter? tensorBoard;
    private readonly TextWriter error;
    private LastEvaluationSink last;
    private IReadOnlyList<string>? classNames;
    private List<ITrainingSink> sinks = [];

    private RunVisuals(string saveDir, TensorBoardWriter? tensorBoard, TextWriter error)
    {
        this.saveDir = saveDir;
        this.tensorBoard = tensorBoard;
        this.error = error;
        last = new LastEvaluationSink(null, error);
        UseValidation(null, new InferenceOptions());
    }

    internal IReadOnlyList<ITrainingSink> Sinks => sinks;

    internal string? TensorBoardFile => tensorBoard?.FilePath;

    /// <summary>Opens the TensorBoard folder when asked (--use_vdl); false (after a one-line error) when it cannot be written.</summary>
    internal static bool TryOpen(TrainArguments a, string saveDir, TextWriter error, out RunVisuals? visuals)
    {
        visuals = null;
        TensorBoardWriter? writer = null;
        if (a.UseVdl)
        {
            var dir = a.VdlLogDir ?? Path.Combine(saveDir, DefaultVdlFolder);
            try
            {
                writer = new TensorBoardWriter(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"seg train: error: --use_vdl: cannot write TensorBoard logs to '{Path.GetFullPath(dir)}' ({e.Message.ReplaceLineEndings(" ")}); pass a writable folder with --log_dir or fix its permissions. Nothing was trained.");
                return false;
            }
        }
        visuals = new RunVisuals(saveDir, writer, error);
        return true;
    }

    /// <summary>With --do_eval: validation images (image | prediction | label) for TensorBoard and the report, and the class names.</summary>
    internal void UseValidation(SegDataset? val, InferenceOptions inference)
    {
        var sampler = val is null ? null : new ValidationSampler(val, inference);
        classNames = val is null ? null : DatasetClassNames.For(val);
        last = new LastEvaluationSink(sampler, error);
        sinks = [last];
        if (tensorBoard is not null) sinks.Add(new TensorBoardSink(tensorBoard, classNames, sampler, error));
    }

    /// <summary>curves.png, confusion_matrix.png/.csv of the last evaluation and report.html in save_dir.</summary>
    internal void Finish(TrainingResult result, TextWriter output)
    {
        try
        {
            var written = RunArtifacts.WriteTrainingRun(saveDir, last, classNames, result.WallTime);
            output.WriteLine($"Run report: {string.Join(", ", written)}");
            if (tensorBoard is not null) output.WriteLine($"TensorBoard: tensorboard --logdir {Path.GetDirectoryName(tensorBoard.FilePath)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"warning: the run report in '{saveDir}' was not written ({e.Message}); checkpoints and train_log.jsonl are kept. curves.png can be redrawn with: seg plot {saveDir}");
        }
    }

    public void Dispose() => tensorBoard?.Dispose();
}
