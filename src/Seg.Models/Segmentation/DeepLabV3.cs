using Seg.Core.Registry;

namespace Seg.Models.Segmentation;

/// <summary>
/// DeepLabV3 (Chen et al., "Rethinking Atrous Convolution for Semantic Image Segmentation"; PaddleSeg's models/deeplab.py):
/// the backbone and DeepLabV3Head (ASPP with image pooling) on backbone_indices[0]. Returns [logits] resized to the
/// input (bilinear, align_corners) in training and eval.
/// </summary>
[SegComponent("DeepLabV3", ComponentKind.Model)]
public sealed class DeepLabV3(DeepLabV3Options options) : BackboneHeadModel<DeepLabV3Options>(nameof(DeepLabV3), options, (o, channels) =>
    new DeepLabV3Head(o.NumClasses, o.BackboneIndices[0], channels[0], o.AsppRatios, o.AsppOutChannels, o.AlignCorners));
