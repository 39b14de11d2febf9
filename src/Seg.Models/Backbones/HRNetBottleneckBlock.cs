using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>HRNet's BottleneckBlock (stage 1): 1×1, 3×3, 1×1 ×4 bias-free convs, an optional projected shortcut (conv_down) and SE, then ReLU.</summary>
public sealed class HRNetBottleneckBlock : Module<Tensor, Tensor>
{
    private readonly ConvBNReLU conv1;
    private readonly ConvBNReLU conv2;
    private readonly ConvBN conv3;
    private readonly ConvBN? convDown;
    private readonly HRNetSELayer? se;

    public HRNetBottleneckBlock(long numChannels, long numFilters, bool hasSe, long stride, bool downsample, bool paddingSame)
        : base(nameof(HRNetBottleneckBlock))
    {
        conv1 = new ConvBNReLU(numChannels, numFilters, 1, bias: false);
        conv2 = new ConvBNReLU(numFilters, numFilters, 3, stride, paddingSame ? null : 1, bias: false);
        conv3 = new ConvBN(numFilters, numFilters * 4, 1, bias: false);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        register_module("conv3", conv3);
        if (downsample)
        {
            convDown = new ConvBN(numChannels, numFilters * 4, 1, bias: false);
            register_module("conv_down", convDown);
        }
        if (hasSe)
        {
            se = new HRNetSELayer(numFilters * 4, numFilters * 4, 16);
            register_module("se", se);
        }
    }

    public override Tensor forward(Tensor input)
    {
        Tensor conv;
        using (var c1 = conv1.call(input))
        using (var c2 = conv2.call(c1))
            conv = conv3.call(c2);
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
