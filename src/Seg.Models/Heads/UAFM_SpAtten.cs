using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>
/// UAFM with spatial attention from the channel means and maxima of x and y. Its <c>_scale</c> is a frozen
/// parameter equal to 1 (kept because PaddleSeg's checkpoints hold it): out = x·α + y·(_scale − α).
/// </summary>
public sealed class UAFM_SpAtten : AttentionUAFM
{
    public UAFM_SpAtten(long xChannels, long yChannels, long outChannels, long kernelSize = 3, ResizeMode resizeMode = ResizeMode.Bilinear)
        : base(nameof(UAFM_SpAtten), xChannels, yChannels, outChannels, kernelSize, resizeMode,
            () => new Sequential(new ConvBNReLU(4, 2, 3, padding: 1, bias: false), new ConvBN(2, 1, 3, padding: 1, bias: false)),
            AttentionReductions.AvgMaxChannel)
    {
        using var one = torch.ones([1]);
        Scale = new Parameter(one, requires_grad: false);
        register_parameter("_scale", Scale);
    }

    public Parameter Scale { get; }

    protected override Tensor Complement(Tensor attention) => Scale - attention;
}
