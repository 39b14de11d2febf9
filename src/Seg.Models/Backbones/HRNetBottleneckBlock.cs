using Seg.Models.Layers;

namespace Seg.Models.Backbones;

/// <summary>HRNet's BottleneckBlock (stage 1): 1×1, 3×3, 1×1 ×4 bias-free convs, an optional projected shortcut (conv_down) and SE, then ReLU.</summary>
public sealed class HRNetBottleneckBlock : HRNetResidualBlock
{
    private readonly ConvBNReLU conv1;
    private readonly ConvBNReLU conv2;
    private readonly ConvBN conv3;

    public HRNetBottleneckBlock(long numChannels, long numFilters, bool hasSe, long stride, bool downsample, bool paddingSame)
        : base(nameof(HRNetBottleneckBlock))
    {
        conv1 = new ConvBNReLU(numChannels, numFilters, 1, bias: false);
        conv2 = new ConvBNReLU(numFilters, numFilters, 3, stride, paddingSame ? null : 1, bias: false);
        conv3 = new ConvBN(numFilters, numFilters * 4, 1, bias: false);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("conv3", conv3);
        RegisterShortcut(downsample ? new ConvBN(numChannels, numFilters * 4, 1, bias: false) : null, hasSe, numFilters * 4);
    }

    protected override Tensor Convs(Tensor input) => conv3.call(conv2.call(conv1.call(input)));
}
