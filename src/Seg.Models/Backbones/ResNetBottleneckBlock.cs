using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>ResNet_vd's BottleneckBlock: 1×1, 3×3 (stride, dilation), 1×1 ×4 convs plus the identity or a projected shortcut, then ReLU.</summary>
public sealed class ResNetBottleneckBlock : Module<Tensor, Tensor>
{
    private readonly ResNetConvBNLayer conv0;
    private readonly ResNetConvBNLayer conv1;
    private readonly ResNetConvBNLayer conv2;
    private readonly ResNetConvBNLayer? shortcutConv;

    public ResNetBottleneckBlock(long inChannels, long outChannels, long stride, bool shortcut, bool ifFirst, long dilation)
        : base(nameof(ResNetBottleneckBlock))
    {
        conv0 = new ResNetConvBNLayer(inChannels, outChannels, 1, relu: true);
        conv1 = new ResNetConvBNLayer(outChannels, outChannels, 3, stride, dilation, relu: true);
        conv2 = new ResNetConvBNLayer(outChannels, outChannels * 4, 1);
        register_module("conv0", conv0);
        register_module("conv1", conv1);
        register_module("conv2", conv2);
        if (!shortcut)
        {
            shortcutConv = new ResNetConvBNLayer(inChannels, outChannels * 4, 1, isVdMode: !(ifFirst || stride == 1));
            register_module("short", shortcutConv);
        }
    }

    public override Tensor forward(Tensor input)
    {
        // Module.call's dispose scope frees the intermediates.
        var conv = conv2.call(conv1.call(conv0.call(input)));
        var shortcut = shortcutConv?.call(input) ?? input;
        return torch.nn.functional.relu(conv.add(shortcut));
    }
}
