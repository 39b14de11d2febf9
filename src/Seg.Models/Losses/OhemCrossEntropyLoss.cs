using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;
using static Seg.Torch.torch.nn;

namespace Seg.Models.Losses;

/// <summary>
/// PaddleSeg's <c>OhemCrossEntropyLoss</c> (paddleseg/models/losses/ohem_cross_entropy_loss.py::OhemCrossEntropyLoss.forward), over the whole batch:
/// when <c>min_kept</c> is below the number of valid pixels (and that number is positive), and
/// <c>min_kept &gt; 0</c>, the threshold is <c>max(thresh, p_k)</c> with p_k the min_kept-th smallest
/// ground-truth probability, and only valid pixels with <c>p_gt &lt; threshold</c> (strictly) are kept;
/// otherwise every valid pixel is kept (PaddleSeg's code does no thresholding at all when min_kept ≤ 0).
/// The loss is <c>mean(w[y]·ce·kept) / (mean(kept) + 1e-5)</c>: with class weights it is not normalised by them.
/// </summary>
[SegComponent("OhemCrossEntropyLoss", ComponentKind.Loss)]
public sealed class OhemCrossEntropyLoss(OhemCrossEntropyLossOptions options) : ISegLoss
{
    private const double Eps = 1e-5;

    public OhemCrossEntropyLossOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>logits [N, C, H, W], labels [N, H, W] (or [N, 1, H, W]) -> a scalar.</summary>
    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = torch.NewDisposeScope();
        var shape = LossInputs.Logits4D(logits, nameof(OhemCrossEntropyLoss));
        LossInputs.CheckWeightCount(Options.Weight, shape[1], nameof(OhemCrossEntropyLoss));
        var label = LossInputs.Labels(labels, shape[0], shape[2], shape[3], nameof(OhemCrossEntropyLoss));
        var valid = label.ne(Options.IgnoreIndex);
        var kept = KeptPixels(logits, label, valid);

        var target = label.where(kept, Options.IgnoreIndex);
        var weight = LossInputs.ClassWeights(Options.Weight, logits);
        var keptMask = kept.to(logits.dtype);
        var loss = functional.cross_entropy(logits, target, weight, Options.IgnoreIndex, Reduction.None) * keptMask;
        return scope.MoveToOuter(loss.mean() / (keptMask.mean() + Eps));
    }

    // The OHEM selection; no gradient flows through it.
    private Tensor KeptPixels(Tensor logits, Tensor label, Tensor valid)
    {
        var numValid = valid.sum().item<long>();
        if (!(Options.MinKept < numValid && numValid > 0) || Options.MinKept <= 0) return valid;

        using var noGrad = torch.no_grad();
        var prob = logits.detach().softmax(1);
        var safeLabel = label.where(valid, 0L);
        // Invalid pixels get +1 so they sort after every valid one and are never "hard" (as PaddleSeg does).
        var pGt = prob.gather(1, safeLabel.unsqueeze(1)).squeeze(1) + valid.logical_not().to(prob.dtype);
        var flat = pGt.flatten();
        var (smallest, _) = flat.topk(Options.MinKept, largest: false);
        var kth = smallest.select(0, Options.MinKept - 1);
        var threshold = kth.clamp_min(Options.Thresh);
        // PaddleSeg compares against the Python float thresh (float32 on the device) unless p_k is larger.
        return valid.logical_and(pGt.lt(threshold));
    }
}
