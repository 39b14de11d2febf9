using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// What HRNet's BasicBlock and BottleneckBlock share after their convs: optional SE on the result, the shortcut
/// (conv_down when the block projects, the input otherwise), the sum and ReLU.
/// </summary>
public abstract class HRNetResidualBlock(string name) : Module<Tensor, Tensor>(name)
{
    private Module<Tensor, Tensor>? convDown;
    private HRNetSELayer? se;

    /// <summary>Registers conv_down (when given) and an SE layer on <paramref name="outChannels"/> (when asked), after the convs as PaddleSeg does.</summary>
    protected void RegisterShortcut(Module<Tensor, Tensor>? projection, bool hasSe, long outChannels)
    {
        if (projection is not null)
        {
            convDown = projection;
            register_module("conv_down", convDown);
        }
        if (hasSe)
        {
            se = new HRNetSELayer(outChannels, outChannels, 16);
            register_module("se", se);
        }
    }

    public sealed override Tensor forward(Tensor input)
    {
        var conv = Convs(input);
        if (se is not null) conv = se.call(conv);
        var residual = convDown?.call(input) ?? input;
        return torch.nn.functional.relu(conv.add(residual));
    }

    /// <summary>The block's own convs.</summary>
    protected abstract Tensor Convs(Tensor input);
}
