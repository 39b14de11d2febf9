using Seg.Core.Registry;

namespace Seg.Models.Segmentation;

/// <summary>
/// PSPNet (Zhao et al., "Pyramid Scene Parsing Network"; PaddleSeg's models/pspnet.py): the backbone, PSPNetHead on
/// backbone_indices [aux, main]. Returns [main, aux] (aux only with enable_auxiliary_loss) in training and eval alike,
/// as PaddleSeg does, resized to the input (bilinear, align_corners).
/// </summary>
[SegComponent("PSPNet", ComponentKind.Model)]
public sealed class PSPNet(PSPNetOptions options) : BackboneHeadModel<PSPNetOptions>(nameof(PSPNet), options, (o, channels) =>
    new PSPNetHead(o.NumClasses, o.BackboneIndices, channels, o.PpOutChannels, o.BinSizes, o.EnableAuxiliaryLoss, o.AlignCorners));
