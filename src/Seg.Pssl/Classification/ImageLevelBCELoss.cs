using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Pssl.Classification;

/// <summary>
/// Multi-label classification loss (weakly-supervised segmentation's image-level labels): mean binary cross-entropy
/// with logits over every (image, class) pair. Logits [N, C, 1, 1] (or [N, C]); labels the 0/1 vectors
/// <see cref="ImageFolder"/> gives in multi-label mode, [N, 1, C].
/// </summary>
[SegComponent("ImageLevelBCELoss", ComponentKind.Loss)]
public sealed class ImageLevelBCELoss : ISegLoss
{
    public ImageLevelBCELoss(ImageLevelBCELossOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
    }

    public Tensor forward(Tensor logits, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        using var scope = torch.NewDisposeScope();
        var n = logits.shape[0];
        var classes = logits.shape[1];
        var flat = logits.reshape(n, classes);
        var target = labels.reshape(n, -1);
        if (target.shape[1] != classes)
            throw new ArgumentException($"ImageLevelBCELoss: the labels hold {target.shape[1]} classes per image but the model predicts {classes}; use ImageFolder's multi_label_list and the same num_classes");
        var loss = torch.nn.functional.binary_cross_entropy_with_logits(flat, target.to(flat.dtype));
        return scope.MoveToOuter(loss);
    }
}
