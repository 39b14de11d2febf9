using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>UAFM with channel attention from the spatial means of x and y.</summary>
public sealed class UAFM_ChAtten_S(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
    : AttentionUAFM(nameof(UAFM_ChAtten_S), xChannels, yChannels, outChannels, kernelSize, resizeMode,
        () => new Sequential(new ConvBNLeakyReLU(2 * yChannels, yChannels / 2, 1, bias: false), new ConvBN(yChannels / 2, yChannels, 1, bias: false)),
        AttentionReductions.AvgSpatial);
