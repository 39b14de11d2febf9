namespace Seg.Core.Evaluation;

/// <summary>How an evaluation run reports and parallelises (not what it computes).</summary>
public sealed record EvaluationRunOptions
{
    /// <summary>Data loader workers (PaddleSeg evaluates during training with 1 when training uses any).</summary>
    public int NumWorkers { get; init; }

    /// <summary>Where the "[EVAL] ..." lines go; null: nowhere.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Show a live progress bar (when the output is a terminal).</summary>
    public bool ShowProgress { get; init; }
}
