namespace Seg.Core.Training;

public enum TrainingOutcome
{
    /// <summary>All iterations ran.</summary>
    Completed,

    /// <summary>Stopped on request (Ctrl-C) after saving a checkpoint of the last finished iteration.</summary>
    Cancelled,

    /// <summary>Stopped because the total loss, the model's output, a gradient or the weights were NaN or infinite (<see cref="NonFiniteGuard"/>); nothing was saved for that iteration.</summary>
    NonFiniteLoss,
}
