namespace Seg.Core.Evaluation;

/// <summary>How an evaluation run reports and parallelises (not what it computes).</summary>
public sealed record EvaluationRunOptions
{
    /// <summary>Data loader workers (PaddleSeg evaluates during training with 1 when training uses any).</summary>
    public int NumWorkers { get; init; }

    /// <summary>Where the "[EVAL] ..." lines go; null: nowhere.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>
    /// Show a live progress bar (when the output is a terminal). With no <see cref="Progress"/> callback the evaluator
    /// draws a one-line text bar on the console itself, and only when stdout is not redirected.
    /// </summary>
    public bool ShowProgress { get; init; }

    /// <summary>Called after each image with (images done, total images); a front end draws its own bar with it.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Keep the C×C confusion matrix in the result (<see cref="EvaluationResult.ConfusionMatrix"/>).</summary>
    public bool KeepConfusionMatrix { get; init; } = true;
}
