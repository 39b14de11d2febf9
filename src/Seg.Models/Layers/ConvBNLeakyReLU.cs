using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.ConvBNAct with act_type "leakyrelu" (slope 0.01; keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
public sealed class ConvBNLeakyReLU : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d batchNorm;

    public ConvBNLeakyReLU(long inChannels, long outChannels, long kernelSize, bool bias = true) : base("ConvBNAct")
    {
        conv = PaddleLayers.Conv2d(inChannels, outChannels, kernelSize, 1, PaddleLayers.Same(kernelSize), bias: bias);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv);
        register_module("_batch_norm", batchNorm);
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(conv, batchNorm)];

    public override Tensor forward(Tensor input)
    {
        var x = conv.call(input);
        var y = batchNorm.call(x);
        return torch.nn.functional.leaky_relu(y, 0.01);
    }
}
