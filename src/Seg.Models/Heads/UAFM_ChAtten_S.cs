using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>UAFM with channel attention from the spatial means of x and y.</summary>
public sealed class UAFM_ChAtten_S : UAFM
{
    private readonly Sequential convXyAtten;

    public UAFM_ChAtten_S(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
        : base(nameof(UAFM_ChAtten_S), xChannels, yChannels, outChannels, kernelSize, resizeMode)
    {
        convXyAtten = new Sequential(
            new ConvBNLeakyReLU(2 * yChannels, yChannels / 2, 1, bias: false),
            new ConvBN(yChannels / 2, yChannels, 1, bias: false));
        register_module("conv_xy_atten", convXyAtten);
    }

    protected override Tensor Fuse(Tensor x, Tensor y)
    {
        var reduced = AttentionReductions.AvgSpatial(x, y);
        var logits = convXyAtten.call(reduced);
        var attention = logits.sigmoid();
        return Blend(x, y, attention, 1);
    }
}
