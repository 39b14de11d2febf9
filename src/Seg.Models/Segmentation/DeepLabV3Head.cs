using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>PaddleSeg's DeepLabV3Head: ASPP with image pooling, then a 1×1 classifier (key cls).</summary>
public sealed class DeepLabV3Head : Module<Tensor[], Tensor[]>
{
    private readonly int backboneIndex;
    private readonly ASPPModule aspp;
    private readonly Conv2d cls;

    public DeepLabV3Head(long numClasses, int backboneIndex, long backboneChannels, IReadOnlyList<long> asppRatios, long asppOutChannels, bool alignCorners)
        : base(nameof(DeepLabV3Head))
    {
        this.backboneIndex = backboneIndex;
        aspp = new ASPPModule(asppRatios, backboneChannels, asppOutChannels, alignCorners, imagePooling: true);
        cls = PaddleLayers.Conv2d(asppOutChannels, numClasses, 1);
        register_module("aspp", aspp);
        register_module("cls", cls);
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var x = aspp.call(input[backboneIndex]);
        return [cls.call(x)];
    }
}
