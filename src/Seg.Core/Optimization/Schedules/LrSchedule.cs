namespace Seg.Core.Optimization.Schedules;

/// <summary>
/// A learning-rate schedule (a <c>paddle.optimizer.lr</c> scheduler) as a pure function of the scheduler step
/// t: 0 at the first iteration, advanced once per iteration after the optimizer step (paddleseg/cvlibs/builder.py::SegBuilder.lr_scheduler). Closed forms
/// throughout, so resuming at any t gives the same value as stepping there.
/// </summary>
public abstract class LrSchedule
{
    /// <summary>The learning rate at scheduler step <paramref name="step"/> (≥ 0).</summary>
    public abstract double LearningRate(int step);

    protected static void CheckStep(int step) => ArgumentOutOfRangeException.ThrowIfNegative(step);
}
