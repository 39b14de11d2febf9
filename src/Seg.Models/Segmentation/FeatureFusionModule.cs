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
        using var fcat = torch.cat([spatial, context], 1);
        using var feat = convblk.call(fcat);
        using var pooled = torch.nn.functional.adaptive_avg_pool2d(feat, 1);
        using var a1 = conv1.call(pooled);
        using var r = torch.nn.functional.relu(a1);
        using var a2 = conv2.call(r);
        using var atten = a2.sigmoid();
        using var weighted = feat * atten;
        return weighted + feat;
    }
}
