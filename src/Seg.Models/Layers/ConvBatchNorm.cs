using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>The conv and batch norm that PaddleSeg's layers.ConvBN and layers.ConvBNReLU share (keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
public abstract class ConvBatchNorm : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly SameConv conv;
    private readonly BatchNorm2d batchNorm;

    /// <param name="padding">null: Paddle's 'same' (<see cref="SamePadding"/>; asymmetric for stride 2 on even sizes).</param>
    protected ConvBatchNorm(string name, long inChannels, long outChannels, long kernelSize, long stride, long? padding, bool bias, long dilation)
        : base(name)
    {
        conv = new SameConv(inChannels, outChannels, kernelSize, stride, padding, bias, dilation);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv.Conv);
        register_module("_batch_norm", batchNorm);
    }

    /// <summary>The pair that eval-time batch-norm folding merges.</summary>
    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(conv.Conv, batchNorm)];

    /// <summary>conv then batch norm.</summary>
    protected Tensor ConvThenNorm(Tensor input)
    {
        var x = conv.Forward(input);
        return batchNorm.call(x);
    }
}
