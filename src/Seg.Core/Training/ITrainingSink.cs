namespace Seg.Core.Training;

/// <summary>
/// Receives what the trainer logs, next to <c>train_log.jsonl</c> (TensorBoard event files, the run report). Rank 0
/// only, on the training thread; the caller owns the sink's lifetime. A sink must not throw for its own I/O: training
/// results matter more than a log.
/// </summary>
public interface ITrainingSink
{
    /// <summary>One [TRAIN] line (means over the iterations since the last line).</summary>
    void Train(TrainLogEntry entry);

    /// <summary>One evaluation; the model is still in eval mode.</summary>
    void Eval(EvalLogEntry entry);
}
