using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>
/// The segmentation head of STDCSeg and PP-LiteSeg: a 3×3 ConvBNReLU (key <c>conv</c>) and a 1×1 classifier
/// (<c>conv_out</c>). STDCSeg's convs have biases, PP-LiteSeg's do not.
/// </summary>
public sealed class SegHead : Module<Tensor, Tensor>
{
    private readonly ConvBNReLU conv;
    private readonly Conv2d convOut;

    public SegHead(long inChannels, long midChannels, long numClasses, bool bias) : base(nameof(SegHead))
    {
        conv = new ConvBNReLU(inChannels, midChannels, 3, padding: 1, bias: bias);
        convOut = PaddleLayers.Conv2d(midChannels, numClasses, 1, bias: bias);
        register_module("conv", conv);
        register_module("conv_out", convOut);
    }

    public override Tensor forward(Tensor input)
    {
        var x = conv.call(input);
        return convOut.call(x);
    }
}
