using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd's BasicBlock (18/34 layers): two 3×3 convs plus the identity or a projected shortcut, then ReLU.</summary>
public sealed class ResNetBasicBlock : Module<Tensor, Tensor>
{
    private readonly ResNetConvBNLayer conv0;
    private readonly ResNetConvBNLayer conv1;
    private readonly ResNetConvBNLayer? shortcutConv;

    public ResNetBasicBlock(long inChannels, long outChannels, long stride, bool shortcut, bool ifFirst, long dilation)
        : base(nameof(ResNetBasicBlock))
    {
        conv0 = new ResNetConvBNLayer(inChannels, outChannels, 3, stride, dilation, relu: true);
        conv1 = new ResNetConvBNLayer(outChannels, outChannels, 3, dilation: dilation);
        register_module("conv0", conv0);
        register_module("conv1", conv1);
        if (!shortcut)
        {
            shortcutConv = new ResNetConvBNLayer(inChannels, outChannels, 1, isVdMode: !(ifFirst || stride == 1));
            register_module("short", shortcutConv);
        }
    }

    public override Tensor forward(Tensor input)
    {
        Tensor conv;
        using (var y = conv0.call(input))
            conv = conv1.call(y);
        using (conv)
        using (var shortcut = shortcutConv?.call(input))
        {
            using var sum = conv.add(shortcut ?? input);
            return torch.nn.functional.relu(sum);
        }
    }
}
