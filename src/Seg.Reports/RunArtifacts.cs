using Seg.Core.Config;
using Seg.Core.Evaluation;
using Seg.Core.Training;
using Seg.Reports.Plots;
using Seg.Reports.Report;
using Seg.Reports.Samples;

namespace Seg.Reports;

/// <summary>
/// The files that show a run, in its save_dir: <c>curves.png</c> (from train_log.jsonl), <c>confusion_matrix.png</c>
/// (and .csv) of the last evaluation, and <c>report.html</c>. Written at the end of training and by <c>seg plot</c>.
/// </summary>
public static class RunArtifacts
{
    /// <summary>curves.png from save_dir/train_log.jsonl; null when there is no log.</summary>
    public static string? WriteCurves(string saveDir, out TrainLog? log)
    {
        ArgumentNullException.ThrowIfNull(saveDir);
        var logPath = Path.Combine(saveDir, TrainingMetricsLog.FileName);
        log = File.Exists(logPath) ? TrainLogReader.Read(logPath) : null;
        if (log is null) return null;
        var png = Path.Combine(saveDir, CurvesPlot.FileName);
        CurvesPlot.Write(png, log);
        return png;
    }

    /// <summary>The end of a training run: curves, the last evaluation's confusion matrix, report.html. Returns the files written.</summary>
    public static IReadOnlyList<string> WriteTrainingRun(string saveDir, LastEvaluationSink? last, IReadOnlyList<string>? classNames, TimeSpan? wallTime)
    {
        ArgumentNullException.ThrowIfNull(saveDir);
        var written = new List<string>();
        var curves = WriteCurves(saveDir, out var log);
        if (curves is not null) written.Add(curves);
        var matrixPng = last?.Result?.ConfusionMatrix is { } matrix ? WriteConfusionMatrix(saveDir, matrix, classNames, written) : null;
        var resolved = Path.Combine(saveDir, SegConfig.ResolvedFileName);
        var report = Path.Combine(saveDir, RunReport.FileName);
        RunReport.Write(report, new RunReportContent
        {
            Title = $"Seg training run: {Path.GetFileName(Path.GetFullPath(saveDir).TrimEnd('/'))}",
            ResolvedConfig = File.Exists(resolved) ? File.ReadAllText(resolved) : null,
            CurvesPng = curves is null ? null : File.ReadAllBytes(curves),
            Evaluation = last?.Result,
            EvaluationIteration = last?.Iteration,
            ClassNames = classNames,
            ConfusionMatrixPng = matrixPng is null ? null : File.ReadAllBytes(matrixPng),
            Samples = last?.Samples ?? [],
            Timings = RunTimings.FromTrainLog(log ?? new TrainLog([], []), wallTime),
        });
        written.Add(report);
        return written;
    }

    /// <summary><c>seg val --report</c>: report.html in <paramref name="outputDir"/> for one evaluation (curves too when the folder holds a train_log.jsonl).</summary>
    public static string WriteEvaluation(string outputDir, string title, string? resolvedConfig, EvaluationResult result, IReadOnlyList<string>? classNames,
        IReadOnlyList<ValidationSample> samples, IReadOnlyList<KeyValuePair<string, string>> timings)
    {
        ArgumentNullException.ThrowIfNull(outputDir);
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string>();
        var curves = WriteCurves(outputDir, out _);
        var matrixPng = result.ConfusionMatrix is { } matrix ? WriteConfusionMatrix(outputDir, matrix, classNames, written) : null;
        var report = Path.Combine(outputDir, RunReport.FileName);
        RunReport.Write(report, new RunReportContent
        {
            Title = title,
            ResolvedConfig = resolvedConfig,
            CurvesPng = curves is null ? null : File.ReadAllBytes(curves),
            Evaluation = result,
            ClassNames = classNames,
            ConfusionMatrixPng = matrixPng is null ? null : File.ReadAllBytes(matrixPng),
            Samples = samples,
            Timings = timings,
        });
        return report;
    }

    /// <summary><c>seg plot</c>: curves.png from train_log.jsonl and confusion_matrix.png from confusion_matrix.csv, whichever the folder holds.</summary>
    public static IReadOnlyList<string> Plot(string saveDir)
    {
        ArgumentNullException.ThrowIfNull(saveDir);
        var written = new List<string>();
        if (WriteCurves(saveDir, out _) is { } curves) written.Add(curves);
        var csv = Path.Combine(saveDir, EvaluationFiles.ConfusionMatrixCsvFileName);
        if (File.Exists(csv))
        {
            var (matrix, names) = ConfusionMatrixCsv.Read(csv);
            var png = Path.Combine(saveDir, EvaluationFiles.ConfusionMatrixPngFileName);
            ConfusionMatrixPlot.Write(png, matrix, names);
            written.Add(png);
        }
        return written;
    }

    private static string WriteConfusionMatrix(string dir, long[,] matrix, IReadOnlyList<string>? classNames, List<string> written)
    {
        var csv = Path.Combine(dir, EvaluationFiles.ConfusionMatrixCsvFileName);
        EvaluationFiles.WriteConfusionMatrixCsv(csv, matrix, classNames);
        var png = Path.Combine(dir, EvaluationFiles.ConfusionMatrixPngFileName);
        ConfusionMatrixPlot.Write(png, matrix, classNames);
        written.Add(csv);
        written.Add(png);
        return png;
    }
}
