using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>
/// The conv of PaddleSeg's ConvBN / ConvBNReLU: an explicit padding, or Paddle's 'same' (null), which is a fixed
/// symmetric padding for stride 1 and an odd kernel and otherwise applied to each input (<see cref="SamePadding"/>).
/// </summary>
internal sealed class SameConv
{
    private readonly long kernelSize;
    private readonly long stride;
    private readonly bool padAtRunTime;

    internal SameConv(long inChannels, long outChannels, long kernelSize, long stride, long? padding, bool bias, long dilation)
    {
        this.kernelSize = kernelSize;
        this.stride = stride;
        padAtRunTime = padding is null && (stride != 1 || kernelSize % 2 == 0);
        var fixedPadding = padding ?? (padAtRunTime ? 0 : PaddleLayers.Same(kernelSize));
        // Paddle's SAME algorithm resets the dilation to 1.
        Conv = PaddleLayers.Conv2d(inChannels, outChannels, kernelSize, stride, fixedPadding, bias: bias, dilation: padding is null ? 1 : dilation);
    }

    internal Conv2d Conv { get; }

    internal Tensor Forward(Tensor input)
    {
        using var padded = padAtRunTime ? SamePadding.Apply(input, kernelSize, stride) : null;
        return Conv.call(padded ?? input);
    }
}
