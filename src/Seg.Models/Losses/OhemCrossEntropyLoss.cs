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
/// A logit that the model only upsampled (a deferred bilinear upsample) is scored from its low-resolution source: the
/// ground-truth probabilities come from the per-pixel nll of the fused upsample, the loss and its gradient from the
/// fused upsample + cross-entropy over the kept pixels, without the full-resolution logits (same value).
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
        if (logits.PendingUpsample is { FusedLossSupported: true } upsample) return Fused(upsample, labels);
        using var scope = torch.NewDisposeScope();
        var shape = LossInputs.Logits4D(logits, nameof(OhemCrossEntropyLoss));
        LossInputs.CheckWeightCount(Options.Weight, shape[1], nameof(OhemCrossEntropyLoss));
        var label = LossInputs.Labels(labels, shape[0], shape[2], shape[3], nameof(OhemCrossEntropyLoss));
        var valid = label.ne(Options.IgnoreIndex);
        var kept = KeptPixels(label, valid, () =>
            logits.detach().softmax(1).gather(1, label.where(valid, 0L).unsqueeze(1)).squeeze(1));

        var target = label.where(kept, Options.IgnoreIndex);
        var weight = LossInputs.ClassWeights(Options.Weight, logits);
        var keptMask = kept.to(logits.dtype);
        var loss = functional.cross_entropy(logits, target, weight, Options.IgnoreIndex, Reduction.None) * keptMask;
        return scope.MoveToOuter(loss.mean() / (keptMask.mean() + Eps));
    }

    private Tensor Fused(DeferredUpsample upsample, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var source = upsample.Source.shape;
        LossInputs.CheckWeightCount(Options.Weight, source[1], nameof(OhemCrossEntropyLoss));
        var label = LossInputs.Labels(labels, source[0], upsample.Size[0], upsample.Size[1], nameof(OhemCrossEntropyLoss));
        var valid = label.ne(Options.IgnoreIndex);
        var kept = KeptPixels(label, valid, () =>
            functional.upsample_nll(upsample.Source, label, [.. upsample.Size], Options.IgnoreIndex, upsample.AlignCorners).neg().exp());
        var target = label.where(kept, Options.IgnoreIndex);
        var weight = LossInputs.ClassWeights(Options.Weight, upsample.Source);
        // Without avg_non_ignore the fused loss is sum(w[y]·ce over kept) / (pixels · (1 + 1e-8)).
        var sumOverPixels = functional.upsample_cross_entropy(upsample.Source, target, [.. upsample.Size], weight, Options.IgnoreIndex,
            avg_non_ignore: false, upsample.AlignCorners);
        var keptMean = kept.to(ScalarType.Float32).mean();
        return scope.MoveToOuter(sumOverPixels * (1 + 1e-8) / (keptMean + Eps));
    }

    // The OHEM selection from the ground-truth class probability of each pixel; no gradient flows through it.
    private Tensor KeptPixels(Tensor label, Tensor valid, Func<Tensor> targetProbability)
    {
        var numValid = valid.sum().item<long>();
        if (!(Options.MinKept < numValid && numValid > 0) || Options.MinKept <= 0) return valid;

        using var noGrad = torch.no_grad();
        var probability = targetProbability();
        // Invalid pixels get +1 so they sort after every valid one and are never "hard" (as PaddleSeg does).
        var pGt = probability + valid.logical_not().to(probability.dtype);
        var flat = pGt.flatten();
        // The min_kept-th smallest is the largest of the min_kept smallest: an unsorted selection is 3x faster than a sort.
        var (smallest, _) = flat.topk(Options.MinKept, largest: false, sorted: false);
        var kth = smallest.max();
        var threshold = kth.clamp_min(Options.Thresh);
        // PaddleSeg compares against the Python float thresh (float32 on the device) unless p_k is larger.
        return valid.logical_and(pGt.lt(threshold));
    }
}
