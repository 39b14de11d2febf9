using System.Globalization;
using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;
using static Seg.Torch.torch.nn;

namespace Seg.Models.Losses;

/// <summary>
/// PaddleSeg's <c>CrossEntropyLoss</c> (paddleseg/models/losses/cross_entropy_loss.py::CrossEntropyLoss.forward). Per pixel
/// <c>ce = −w[y]·log softmax(z)[y]</c> (0 at ignore_index), then
/// <c>mean(ce·mask) / (mean(mask·coef) + 1e-8)</c> where mask marks the non-ignored pixels (all ones when
/// <c>avg_non_ignore</c> is false) and coef is the class weight of the pixel's label when weights are set
/// and <c>avg_non_ignore</c> is true (1 otherwise, as on PaddleSeg's develop branch). With weights this is
/// the weighted mean <c>Σ w[y]·ce / Σ w[y]</c> over non-ignored pixels. With <c>top_k_percent_pixels</c> p &lt; 1
/// it is <c>mean(topk(ce, int(p·numel))) / (mean(coef at those pixels) + 1e-8)</c>; ignored pixels (loss 0)
/// may be among them.
/// A logit that the model only upsampled (a deferred bilinear upsample, see Resize.Logits) is scored by the fused
/// upsample + cross-entropy from its low-resolution source, without the full-resolution logits (same value).
/// </summary>
[SegComponent("CrossEntropyLoss", ComponentKind.Loss)]
public sealed class CrossEntropyLoss(CrossEntropyLossOptions options) : ISegLoss
{
    private const double Eps = 1e-8;

    public CrossEntropyLossOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>logits [N, C, H, W] (or [N, H, W, C] with data_format NHWC), labels [N, H, W] -> a scalar.</summary>
    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.PendingUpsample is { } upsample && CanFuse(upsample)) return Fused(upsample, labels);
        using var scope = torch.NewDisposeScope();
        var shape = LossInputs.Logits4D(logits, nameof(CrossEntropyLoss));
        var nchw = Options.DataFormat == DataFormat.NCHW;
        var classes = nchw ? shape[1] : shape[3];
        LossInputs.CheckWeightCount(Options.Weight, classes, nameof(CrossEntropyLoss));
        var input = nchw ? logits : logits.permute(0, 3, 1, 2);
        var label = LossInputs.Labels(labels, shape[0], input.shape[2], input.shape[3], nameof(CrossEntropyLoss));
        var weight = LossInputs.ClassWeights(Options.Weight, logits);

        var valid = label.ne(Options.IgnoreIndex);
        var mask = Options.AvgNonIgnore ? valid.to(logits.dtype) : torch.ones_like(label, logits.dtype);
        var loss = functional.cross_entropy(input, label, weight, Options.IgnoreIndex, Reduction.None) * mask;
        var coef = weight is not null && Options.AvgNonIgnore
            ? weight.index_select(0, label.where(valid, 0L).flatten()).view(label.shape)
            : torch.ones_like(label, logits.dtype);

        Tensor result;
        if (Options.TopKPercentPixels == 1.0)
        {
            result = loss.mean() / ((mask * coef).mean() + Eps);
        }
        else
        {
            var flat = loss.flatten();
            var k = (long)(Options.TopKPercentPixels * flat.numel());
            if (k < 1 || k > flat.numel())
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"CrossEntropyLoss: top_k_percent_pixels = {Options.TopKPercentPixels} keeps {k} of {flat.numel()} pixels; it must lie in (0, 1] and keep at least one"));
            var (top, index) = flat.topk(k);
            result = top.mean() / (coef.flatten().index_select(0, index).mean() + Eps);
        }
        return scope.MoveToOuter(result);
    }

    private bool CanFuse(DeferredUpsample upsample) =>
        Options.DataFormat == DataFormat.NCHW && Options.TopKPercentPixels == 1.0 && upsample.FusedLossSupported;

    private Tensor Fused(DeferredUpsample upsample, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var source = upsample.Source.shape;
        var classes = source[1];
        LossInputs.CheckWeightCount(Options.Weight, classes, nameof(CrossEntropyLoss));
        var label = LossInputs.Labels(labels, source[0], upsample.Size[0], upsample.Size[1], nameof(CrossEntropyLoss));
        var weight = LossInputs.ClassWeights(Options.Weight, upsample.Source);
        var result = functional.upsample_cross_entropy(upsample.Source, label, [.. upsample.Size], weight, Options.IgnoreIndex,
            Options.AvgNonIgnore, upsample.AlignCorners);
        return scope.MoveToOuter(result);
    }
}
