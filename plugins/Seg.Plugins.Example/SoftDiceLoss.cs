using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Plugins.Example;

/// <summary>
/// PaddleSeg's <c>DiceLoss</c> (paddleseg/models/losses/dice_loss.py) as a plugin: softmax over the
/// classes, one-hot labels with <c>ignore_index</c> pixels masked out, and per class and image
/// <c>1 - (2·Σ p·y + smooth) / (Σ (p + y) + smooth + 1e-8)</c>, averaged over images, weighted and
/// averaged over classes. Registered as <c>SoftDiceLoss</c> so it never clashes with a built-in DiceLoss.
/// Tensor code throughout, so it runs on the logits' device and gradients flow back to the logits.
/// </summary>
[SegComponent("SoftDiceLoss", ComponentKind.Loss)]
public sealed class SoftDiceLoss(SoftDiceLossOptions options) : ISegLoss
{
    private const double Eps = 1e-8;

    public SoftDiceLossOptions Options { get; } = options;

    /// <summary>logits [N, C, H, W] (float), labels [N, H, W] (integer class ids) -> a scalar tensor of the logits' dtype.</summary>
    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        var shape = logits.shape;
        if (shape.Length != 4 || labels.shape is not [var ln, var lh, var lw] || ln != shape[0] || lh != shape[2] || lw != shape[3])
            throw new ArgumentException($"SoftDiceLoss expects logits [N, C, H, W] and labels [N, H, W], got [{string.Join(", ", shape)}] and [{string.Join(", ", labels.shape)}]");
        var numClasses = shape[1];
        if (Options.Weight != null && Options.Weight.Count != numClasses)
            throw new ArgumentException($"weight has {Options.Weight.Count} values but the logits have {numClasses} classes");

        using var scope = torch.NewDisposeScope();
        var ids = labels.to(logits.device, ScalarType.Int64);
        var valid = ids.ne(Options.IgnoreIndex);
        var mask = valid.unsqueeze(1).to(logits.dtype);
        var safeIds = ids.masked_fill(valid.logical_not(), 0);
        var outside = safeIds.lt(0).logical_or(safeIds.ge(numClasses)).any();
        if (outside.item<bool>())
            throw new ArgumentException($"labels hold values outside [0, {numClasses}) that are not ignore_index {Options.IgnoreIndex}");

        var oneHot = F.one_hot(safeIds, numClasses).permute(0, 3, 1, 2).to(logits.dtype) * mask;
        var probs = F.softmax(logits, 1) * mask;
        long[] spatial = [2, 3];
        var intersection = (probs * oneHot).sum(spatial);
        var cardinality = (probs + oneHot).sum(spatial);
        var perImageAndClass = 1.0 - ((2.0 * intersection) + Options.Smooth) / (cardinality + (Options.Smooth + Eps));
        var perClass = perImageAndClass.mean(0);
        if (Options.Weight != null)
            perClass = perClass * torch.tensor(Options.Weight.ToArray(), dtype: logits.dtype, device: logits.device);
        return (perClass.sum() / numClasses).MoveToOuterDisposeScope();
    }
}
