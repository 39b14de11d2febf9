using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>STDCSeg's FFM: concat(spatial, context) → 1×1 ConvBNReLU, plus itself re-weighted by an SE-style attention.</summary>
public sealed class FeatureFusionModule : Module
{
    private readonly ConvBNReLU convblk;
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;

    public FeatureFusionModule(long inChannels, long outChannels) : base(nameof(FeatureFusionModule))
    {
        convblk = new ConvBNReLU(inChannels, outChannels, 1, padding: 0);
        conv1 = PaddleLayers.Conv2d(outChannels, outChannels / 4, 1);
        conv2 = PaddleLayers.Conv2d(outChannels / 4, outChannels, 1);
        register_module("convblk", convblk);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
    }

    public Tensor forward(Tensor spatial, Tensor context)
    {
        var fcat = torch.cat([spatial, context], 1);
        var feat = convblk.call(fcat);
        var pooled = torch.nn.functional.adaptive_avg_pool2d(feat, 1);
        var a1 = conv1.call(pooled);
        var r = torch.nn.functional.relu(a1);
        var a2 = conv2.call(r);
        var atten = a2.sigmoid();
        var weighted = feat * atten;
        return weighted + feat;
    }
}
