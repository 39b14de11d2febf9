using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>
/// The four attention UAFMs of layers/tensor_fusion.py: α = sigmoid(conv_xy_atten(reduce(x, y))), out = x·α + y·(1 − α).
/// They differ only in the reduction (channel or spatial; mean, or mean and max) and the conv_xy_atten layers.
/// </summary>
public abstract class AttentionUAFM : UAFM
{
    private readonly Sequential convXyAtten;
    private readonly Func<Tensor, Tensor, Tensor> reduce;

    /// <param name="convXyAtten">Builds conv_xy_atten (after conv_x and conv_out, PaddleSeg's creation order).</param>
    /// <param name="reduce">One of <see cref="AttentionReductions"/>.</param>
    protected AttentionUAFM(string name, long xChannels, long yChannels, long outChannels, long kernelSize, ResizeMode resizeMode,
        Func<Sequential> convXyAtten, Func<Tensor, Tensor, Tensor> reduce)
        : base(name, xChannels, yChannels, outChannels, kernelSize, resizeMode)
    {
        ArgumentNullException.ThrowIfNull(convXyAtten);
        this.reduce = reduce ?? throw new ArgumentNullException(nameof(reduce));
        this.convXyAtten = convXyAtten();
        register_module("conv_xy_atten", this.convXyAtten);
    }

    protected sealed override Tensor Fuse(Tensor x, Tensor y)
    {
        var reduced = reduce(x, y);
        var logits = convXyAtten.call(reduced);
        var attention = logits.sigmoid();
        var xa = x * attention;
        var rest = Complement(attention);
        var yr = y * rest;
        return xa + yr;
    }

    /// <summary>1 − α (UAFM_SpAtten subtracts from its frozen _scale instead).</summary>
    protected virtual Tensor Complement(Tensor attention) => 1 - attention;
}
