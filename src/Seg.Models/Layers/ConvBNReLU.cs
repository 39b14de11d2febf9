using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.ConvBNReLU: conv, batch norm, ReLU (keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
public sealed class ConvBNReLU : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d batchNorm;

    /// <param name="padding">null: Paddle's 'same' (kernel_size / 2).</param>
    public ConvBNReLU(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null, bool bias = true)
        : base(nameof(ConvBNReLU))
    {
        conv = PaddleLayers.Conv2d(inChannels, outChannels, kernelSize, stride, padding ?? PaddleLayers.Same(kernelSize), bias: bias);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv);
        register_module("_batch_norm", batchNorm);
    }

    public override Tensor forward(Tensor input)
    {
        var x = conv.call(input);
        var y = batchNorm.call(x);
        return torch.nn.functional.relu(y);
    }
}
