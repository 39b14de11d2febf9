using Seg.Core.Evaluation;
using Seg.Reports.Samples;

namespace Seg.Reports.Report;

/// <summary>What one run's <c>report.html</c> shows; every part is optional and left out when missing.</summary>
public sealed record RunReportContent
{
    public required string Title { get; init; }

    /// <summary>The resolved config (YAML), shown verbatim.</summary>
    public string? ResolvedConfig { get; init; }

    /// <summary>curves.png.</summary>
    public byte[]? CurvesPng { get; init; }

    /// <summary>The evaluation shown in the metrics and per-class tables (the last one of a training run).</summary>
    public EvaluationResult? Evaluation { get; init; }

    /// <summary>The iteration of <see cref="Evaluation"/>, when it comes from training.</summary>
    public int? EvaluationIteration { get; init; }

    public IReadOnlyList<string>? ClassNames { get; init; }

    public byte[]? ConfusionMatrixPng { get; init; }

    public IReadOnlyList<ValidationSample> Samples { get; init; } = [];

    /// <summary>Name and value rows (wall time, batch cost, ...), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Timings { get; init; } = [];
}
