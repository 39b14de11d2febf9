using System.Globalization;
using Seg.Core.Config;
using Seg.Core.Contracts;
using Seg.Core.Data.Datasets;
using Seg.Core.Evaluation;
using Seg.Reports;
using Seg.Reports.Samples;
using Seg.Torch;

namespace Seg.Cli.Commands;

// `seg val --report`: report.html beside metrics.json (confusion matrix, validation images, timings, resolved config).
internal static class ValRunReport
{
    internal static int Write(string dir, ValArguments a, SegConfig config, SegModel model, SegDataset dataset, InferenceOptions options, EvaluationResult result,
        IReadOnlyList<string>? names, TimeSpan evaluationTime, TextWriter output, TextWriter error)
    {
        try
        {
            var samples = new ValidationSampler(dataset, options).Render(model);
            var timings = new List<KeyValuePair<string, string>>
            {
                new("evaluation wall time (h:mm:ss)", RunTimings.Clock(evaluationTime)),
                new("images", result.ImageCount.ToString(CultureInfo.InvariantCulture)),
                new("images per second", RunTimings.F(result.ImageCount / Math.Max(evaluationTime.TotalSeconds, 1e-9))),
            };
            var title = $"Seg evaluation: {(a.ModelPath is null ? "initial weights" : Path.GetFullPath(a.ModelPath))}";
            var report = RunArtifacts.WriteEvaluation(dir, title, config.ToYaml(), result, names, samples, timings);
            output.WriteLine($"Report saved to {report}");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or TorchException or InvalidOperationException)
        {
            error.WriteLine($"seg val: error: --report: {e.Message.ReplaceLineEndings(" ")}; metrics.json is kept in '{dir}'");
            return CommandErrors.ExitCode;
        }
    }
}
