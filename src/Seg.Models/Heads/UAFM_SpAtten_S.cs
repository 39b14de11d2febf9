using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>UAFM with spatial attention from the channel means of x and y.</summary>
public sealed class UAFM_SpAtten_S(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
    : AttentionUAFM(nameof(UAFM_SpAtten_S), xChannels, yChannels, outChannels, kernelSize, resizeMode,
        () => new Sequential(new ConvBNReLU(2, 2, 3, padding: 1, bias: false), new ConvBN(2, 1, 3, padding: 1, bias: false)),
        AttentionReductions.AvgChannel);
