using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>STDCSeg's ARM: a 3×3 ConvBNReLU re-weighted per channel by sigmoid(BN(conv1×1(global average))).</summary>
public sealed class AttentionRefinementModule : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly ConvBNReLU conv;
    private readonly Conv2d convAtten;
    private readonly BatchNorm2d bnAtten;

    public AttentionRefinementModule(long inChannels, long outChannels) : base(nameof(AttentionRefinementModule))
    {
        conv = new ConvBNReLU(inChannels, outChannels, 3, padding: 1);
        convAtten = PaddleLayers.Conv2d(outChannels, outChannels, 1);
        bnAtten = PaddleLayers.BatchNorm2d(outChannels);
        register_module("conv", conv);
        register_module("conv_atten", convAtten);
        register_module("bn_atten", bnAtten);
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(convAtten, bnAtten)];

    public override Tensor forward(Tensor input)
    {
        var feat = conv.call(input);
        var pooled = torch.nn.functional.adaptive_avg_pool2d(feat, 1);
        var a = convAtten.call(pooled);
        var b = bnAtten.call(a);
        var atten = b.sigmoid();
        return feat * atten;
    }
}
