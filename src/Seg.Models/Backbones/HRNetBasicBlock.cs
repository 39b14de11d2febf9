using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's BasicBlock (the branches): two bias-free 3×3 convs, an optional projected shortcut (conv_down) and SE, then ReLU.</summary>
public sealed class HRNetBasicBlock : Module<Tensor, Tensor>
{
    private readonly ConvBNReLU conv1;
    private readonly ConvBN conv2;
    private readonly ConvBNReLU? convDown;
    private readonly HRNetSELayer? se;

    public HRNetBasicBlock(long numChannels, long numFilters, long stride, bool hasSe, bool downsample, bool paddingSame)
        : base(nameof(HRNetBasicBlock))
    {
        conv1 = new ConvBNReLU(numChannels, numFilters, 3, stride, paddingSame ? null : 1, bias: false);
        conv2 = new ConvBN(numFilters, numFilters, 3, padding: paddingSame ? null : 1, bias: false);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        if (downsample)
        {
            convDown = new ConvBNReLU(numChannels, numFilters, 1, bias: false);
            register_module("conv_down", convDown);
        }
        if (hasSe)
        {
            se = new HRNetSELayer(numFilters, numFilters, 16);
            register_module("se", se);
        }
    }

    public override Tensor forward(Tensor input)
    {
        Tensor conv;
        using (var c1 = conv1.call(input))
            conv = conv2.call(c1);
        if (se is not null)
        {
            var scaled = se.call(conv);
            conv.Dispose();
            conv = scaled;
        }
        using (conv)
        using (var residual = convDown?.call(input))
        {
            using var sum = conv.add(residual ?? input);
            return torch.nn.functional.relu(sum);
        }
    }
}
