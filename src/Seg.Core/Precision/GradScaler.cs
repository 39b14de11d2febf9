using Seg.Torch;

namespace Seg.Core.Precision;

/// <summary>
/// Dynamic loss scaling as Paddle's paddle.amp.GradScaler (PaddleSeg creates it with init_loss_scaling=1024 and
/// Paddle's defaults otherwise): the loss is multiplied by the scale before backward; before the optimizer step
/// the gradients are divided by it and checked; a step whose gradients hold NaN or infinity is skipped. The scale
/// then follows Paddle's update_loss_scaling: after <see cref="DecrEveryNNanOrInf"/> consecutive bad steps it is
/// multiplied by <see cref="DecrRatio"/> (never below 1), after <see cref="IncrEveryNSteps"/> consecutive good
/// steps by <see cref="IncrRatio"/> (unless that overflows). The scale is float32, as Paddle's is.
/// </summary>
public sealed class GradScaler
{
    private bool unscaled;
    private bool foundInf;

    public GradScaler(float initLossScaling = 1024f, float incrRatio = 2f, float decrRatio = 0.5f, int incrEveryNSteps = 1000, int decrEveryNNanOrInf = 2)
    {
        if (!(initLossScaling > 0) || !float.IsFinite(initLossScaling)) throw new ArgumentOutOfRangeException(nameof(initLossScaling), $"init_loss_scaling must be positive and finite, got {initLossScaling}");
        if (!(incrRatio > 1)) throw new ArgumentOutOfRangeException(nameof(incrRatio), $"incr_ratio must be greater than 1, got {incrRatio}");
        if (!(decrRatio > 0 && decrRatio < 1)) throw new ArgumentOutOfRangeException(nameof(decrRatio), $"decr_ratio must be in (0, 1), got {decrRatio}");
        if (incrEveryNSteps < 1) throw new ArgumentOutOfRangeException(nameof(incrEveryNSteps), $"incr_every_n_steps must be at least 1, got {incrEveryNSteps}");
        if (decrEveryNNanOrInf < 1) throw new ArgumentOutOfRangeException(nameof(decrEveryNNanOrInf), $"decr_every_n_nan_or_inf must be at least 1, got {decrEveryNNanOrInf}");
        LossScaling = initLossScaling;
        IncrRatio = incrRatio;
        DecrRatio = decrRatio;
        IncrEveryNSteps = incrEveryNSteps;
        DecrEveryNNanOrInf = decrEveryNNanOrInf;
    }

    public float LossScaling { get; private set; }

    public float IncrRatio { get; }

    public float DecrRatio { get; }

    public int IncrEveryNSteps { get; }

    public int DecrEveryNNanOrInf { get; }

    /// <summary>Consecutive steps with finite gradients since the scale last changed (Paddle's good steps).</summary>
    public int GoodSteps { get; private set; }

    /// <summary>Consecutive steps with NaN or infinite gradients since the scale last changed (Paddle's bad steps).</summary>
    public int BadSteps { get; private set; }

    /// <summary>Steps skipped so far because of NaN or infinite gradients.</summary>
    public long SkippedSteps { get; private set; }

    /// <summary>The loss times the scale (scaler.scale(loss)).</summary>
    public Tensor Scale(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss.mul(LossScaling);
    }

    /// <summary>
    /// Divides the gradients by the scale in place, once per step; true when one of them holds NaN or infinity
    /// (then the step is to be skipped).
    /// </summary>
    public bool Unscale(IEnumerable<Tensor?> gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        if (unscaled) return foundInf;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var inverse = 1.0 / LossScaling;
        Tensor? total = null;
        foreach (var g in gradients)
        {
            if (g is null) continue;
            g.mul_(inverse);
            // A NaN or infinity anywhere makes the float64 sum of the sums non-finite.
            var s = g.sum(ScalarType.Float64);
            total = total is null ? s : total.add_(s);
        }
        foundInf = total is not null && !double.IsFinite(total.item<double>());
        unscaled = true;
        return foundInf;
    }

    /// <summary>scaler.step(optimizer): unscales (if not done yet) and runs <paramref name="optimizerStep"/> unless a gradient is not finite; true when it stepped.</summary>
    public bool Step(IEnumerable<Tensor?> gradients, Action optimizerStep)
    {
        ArgumentNullException.ThrowIfNull(optimizerStep);
        if (Unscale(gradients))
        {
            SkippedSteps++;
            return false;
        }
        optimizerStep();
        return true;
    }

    /// <summary>scaler.update(): moves the scale by this step's outcome and readies the next step.</summary>
    public void Update()
    {
        if (!unscaled) throw new InvalidOperationException("GradScaler.Update needs Unscale or Step first in the same step");
        Update(foundInf);
        unscaled = false;
        foundInf = false;
    }

    // Paddle's update_loss_scaling kernel.
    private void Update(bool nonFinite)
    {
        if (nonFinite)
        {
            GoodSteps = 0;
            BadSteps++;
            if (BadSteps == DecrEveryNNanOrInf)
            {
                var lower = LossScaling * DecrRatio;
                LossScaling = lower < 1f ? 1f : lower;
                BadSteps = 0;
            }
        }
        else
        {
            BadSteps = 0;
            GoodSteps++;
            if (GoodSteps == IncrEveryNSteps)
            {
                var higher = LossScaling * IncrRatio;
                if (float.IsFinite(higher)) LossScaling = higher;
                GoodSteps = 0;
            }
        }
    }
}
