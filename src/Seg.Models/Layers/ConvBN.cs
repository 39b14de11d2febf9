namespace Seg.Models.Layers;

/// <summary>PaddleSeg's layers.ConvBN: conv then batch norm (keys <c>_conv</c>, <c>_batch_norm</c>).</summary>
/// <param name="padding">null: Paddle's 'same' (<see cref="SamePadding"/>; asymmetric for stride 2 on even sizes).</param>
public sealed class ConvBN(long inChannels, long outChannels, long kernelSize, long stride = 1, long? padding = null, bool bias = true, long dilation = 1)
    : ConvBatchNorm(nameof(ConvBN), inChannels, outChannels, kernelSize, stride, padding, bias, dilation)
{
    public override Tensor forward(Tensor input) => ConvThenNorm(input);
}
