using Seg.Core.Registry;

namespace Seg.Models.Segmentation;

/// <summary>
/// OCRNet (Yuan et al., "Object-Contextual Representations for Semantic Segmentation"; PaddleSeg's models/ocrnet.py):
/// the backbone and OCRHead on backbone_indices. Training returns [main, soft_regions], eval [main], resized to the
/// input (bilinear, align_corners).
/// </summary>
[SegComponent("OCRNet", ComponentKind.Model)]
public sealed class OCRNet(OCRNetOptions options) : BackboneHeadModel<OCRNetOptions>(nameof(OCRNet), options, (o, channels) =>
    new OCRHead(o.NumClasses, channels, o.OcrMidChannels, o.OcrKeyChannels))
{
    private readonly int[] backboneIndices = [.. options.BackboneIndices];

    protected override Tensor[] Head(Tensor[] feats) => base.Head([.. backboneIndices.Select(i => feats[i])]);

    protected override int OutputCount => training ? 2 : 1;
}
