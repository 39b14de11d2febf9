using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.ConvBN: conv then batch norm (keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
public sealed class ConvBN : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d batchNorm;

    /// <param name="padding">null: Paddle's 'same' (kernel_size / 2).</param>
    public ConvBN(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null, bool bias = true)
        : base(nameof(ConvBN))
    {
        conv = PaddleLayers.Conv2d(inChannels, outChannels, kernelSize, stride, padding ?? PaddleLayers.Same(kernelSize), bias: bias);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv);
        register_module("_batch_norm", batchNorm);
    }

    public override Tensor forward(Tensor input)
    {
        var x = conv.call(input);
        return batchNorm.call(x);
    }
}
