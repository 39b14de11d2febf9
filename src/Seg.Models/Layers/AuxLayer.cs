using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.AuxLayer: a 3×3 ConvBNReLU, dropout and a 1×1 classifier (keys conv_bn_relu, conv).</summary>
public sealed class AuxLayer : Module<Tensor, Tensor>
{
    private readonly ConvBNReLU convBnRelu;
    private readonly Dropout dropout;
    private readonly Conv2d conv;

    public AuxLayer(long inChannels, long interChannels, long outChannels, double dropoutProb = 0.1) : base(nameof(AuxLayer))
    {
        convBnRelu = new ConvBNReLU(inChannels, interChannels, 3, padding: 1);
        dropout = new Dropout(dropoutProb);
        conv = PaddleLayers.Conv2d(interChannels, outChannels, 1);
        register_module("conv_bn_relu", convBnRelu);
        register_module("dropout", dropout);
        register_module("conv", conv);
    }

    public override Tensor forward(Tensor input)
    {
        using var x = convBnRelu.call(input);
        using var y = dropout.call(x);
        return conv.call(y);
    }
}
