using Seg.Models.Layers;

namespace Seg.Models.Backbones;

/// <summary>HRNet's BasicBlock (the branches): two bias-free 3×3 convs, an optional projected shortcut (conv_down) and SE, then ReLU.</summary>
public sealed class HRNetBasicBlock : HRNetResidualBlock
{
    private readonly ConvBNReLU conv1;
    private readonly ConvBN conv2;

    public HRNetBasicBlock(long numChannels, long numFilters, long stride, bool hasSe, bool downsample, bool paddingSame)
        : base(nameof(HRNetBasicBlock))
    {
        conv1 = new ConvBNReLU(numChannels, numFilters, 3, stride, paddingSame ? null : 1, bias: false);
        conv2 = new ConvBN(numFilters, numFilters, 3, padding: paddingSame ? null : 1, bias: false);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        // PaddleSeg's BasicBlock projects with a ConvBNReLU (its BottleneckBlock with a ConvBN).
        RegisterShortcut(downsample ? new ConvBNReLU(numChannels, numFilters, 1, bias: false) : null, hasSe, numFilters);
    }

    protected override Tensor Convs(Tensor input) => conv2.call(conv1.call(input));
}
