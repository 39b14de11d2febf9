namespace Seg.Core.Training;

/// <summary>How a <see cref="Trainer.Run"/> ended.</summary>
public sealed record TrainingResult
{
    public required TrainingOutcome Outcome { get; init; }

    /// <summary>The last iteration whose optimizer step ran.</summary>
    public required int LastIteration { get; init; }

    /// <summary>The total loss of the last finished iteration (NaN when none ran).</summary>
    public double FinalLoss { get; init; } = double.NaN;

    public double BestMeanIoU { get; init; } = -1.0;

    public int BestIteration { get; init; } = -1;

    public TimeSpan WallTime { get; init; }

    /// <summary>The newest checkpoint folder written or resumed from (null when none).</summary>
    public string? LastCheckpoint { get; init; }

    /// <summary>For <see cref="TrainingOutcome.NonFiniteLoss"/>: what went wrong, naming the iteration and the loss terms.</summary>
    public string? Message { get; init; }
}
