namespace Seg.Core.Training;

public enum TrainingOutcome
{
    /// <summary>All iterations ran.</summary>
    Completed,

    /// <summary>Stopped on request (Ctrl-C) after saving a checkpoint of the last finished iteration.</summary>
    Cancelled,

    /// <summary>Stopped because the total loss was NaN or infinite; nothing was saved for that iteration.</summary>
    NonFiniteLoss,
}
