using Seg.Core.Contracts;
using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>
/// STDCSeg's context path: the backbone, then the 1/32 features (plus their global average) and the
/// 1/16 features refined by ARMs and upsampled (nearest) level by level.
/// </summary>
public sealed class ContextPath : Module<Tensor, ContextPathOutput>
{
    private readonly Backbone backbone;
    private readonly AttentionRefinementModule arm16;
    private readonly AttentionRefinementModule arm32;
    private readonly ConvBNReLU convHead32;
    private readonly ConvBNReLU convHead16;
    private readonly ConvBNReLU convAvg;

    public ContextPath(Backbone backbone) : base(nameof(ContextPath))
    {
        ArgumentNullException.ThrowIfNull(backbone);
        var channels = backbone.FeatChannels;
        if (channels.Count < 5) throw new ArgumentException($"STDCSeg needs a backbone with 5 feature levels, got {channels.Count}");
        this.backbone = backbone;
        arm16 = new AttentionRefinementModule(channels[3], 128);
        arm32 = new AttentionRefinementModule(channels[4], 128);
        convHead32 = new ConvBNReLU(128, 128, 3, padding: 1);
        convHead16 = new ConvBNReLU(128, 128, 3, padding: 1);
        convAvg = new ConvBNReLU(channels[4], 128, 1, padding: 0);
        register_module("backbone", backbone);
        register_module("arm16", arm16);
        register_module("arm32", arm32);
        register_module("conv_head32", convHead32);
        register_module("conv_head16", convHead16);
        register_module("conv_avg", convAvg);
    }

    public override ContextPathOutput forward(Tensor input)
    {
        var feats = backbone.call(input);
        var (feat8, feat16, feat32) = (feats[2], feats[3], feats[4]);
        var avg = convAvg.call(torch.nn.functional.adaptive_avg_pool2d(feat32, 1));
        var avgUp = Resize.To(avg, Resize.SpatialSize(feat32), ResizeMode.Nearest);
        var feat32Sum = arm32.call(feat32) + avgUp;
        var feat32Up = convHead32.call(Resize.To(feat32Sum, Resize.SpatialSize(feat16), ResizeMode.Nearest));

        var feat16Sum = arm16.call(feat16) + feat32Up;
        var feat16Up = convHead16.call(Resize.To(feat16Sum, Resize.SpatialSize(feat8), ResizeMode.Nearest));
        return new ContextPathOutput(feats[0], feats[1], feat8, feat16, feat16Up, feat32Up);
    }
}
