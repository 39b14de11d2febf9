using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.ConvBN: conv then batch norm (keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
public sealed class ConvBN : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly SameConv conv;
    private readonly BatchNorm2d batchNorm;

    /// <param name="padding">null: Paddle's 'same' (<see cref="SamePadding"/>; asymmetric for stride 2 on even sizes).</param>
    public ConvBN(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null, bool bias = true, long dilation = 1)
        : base(nameof(ConvBN))
    {
        conv = new SameConv(inChannels, outChannels, kernelSize, stride, padding, bias, dilation);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv.Conv);
        register_module("_batch_norm", batchNorm);
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(conv.Conv, batchNorm)];

    public override Tensor forward(Tensor input)
    {
        var x = conv.Forward(input);
        return batchNorm.call(x);
    }
}
