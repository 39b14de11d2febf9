using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>UAFM with spatial attention from the channel means of x and y.</summary>
public sealed class UAFM_SpAtten_S : UAFM
{
    private readonly Sequential convXyAtten;

    public UAFM_SpAtten_S(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
        : base(nameof(UAFM_SpAtten_S), xChannels, yChannels, outChannels, kernelSize, resizeMode)
    {
        convXyAtten = new Sequential(new ConvBNReLU(2, 2, 3, padding: 1, bias: false), new ConvBN(2, 1, 3, padding: 1, bias: false));
        register_module("conv_xy_atten", convXyAtten);
    }

    protected override Tensor Fuse(Tensor x, Tensor y)
    {
        var reduced = AttentionReductions.AvgChannel(x, y);
        var logits = convXyAtten.call(reduced);
        var attention = logits.sigmoid();
        return Blend(x, y, attention, 1);
    }
}
