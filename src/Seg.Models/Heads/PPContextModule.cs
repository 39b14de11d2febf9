using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>
/// PP-LiteSeg's simple pyramid pooling module (SPPM): each stage pools to bin×bin and applies a 1×1
/// ConvBNReLU; the stages are resized back (bilinear), summed, and conv_out (3×3 ConvBNReLU) follows.
/// </summary>
public sealed class PPContextModule : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> stages = new();
    private readonly ConvBNReLU convOut;

    public PPContextModule(long inChannels, long interChannels, long outChannels, IReadOnlyList<long> binSizes, bool alignCorners = false)
        : base(nameof(PPContextModule))
    {
        ArgumentNullException.ThrowIfNull(binSizes);
        foreach (var size in binSizes)
            stages.append(new Sequential(new AdaptiveAvgPool2d((size, size)), new ConvBNReLU(inChannels, interChannels, 1)));
        convOut = new ConvBNReLU(interChannels, outChannels, 3, padding: 1);
        AlignCorners = alignCorners;
        register_module("stages", stages);
        register_module("conv_out", convOut);
    }

    public bool AlignCorners { get; }

    public override Tensor forward(Tensor input)
    {
        var size = Resize.SpatialSize(input);
        Tensor? sum = null;
        foreach (var stage in stages)
        {
            var up = Resize.To(stage.call(input), size, ResizeMode.Bilinear, AlignCorners);
            sum = sum is null ? up : sum + up;
        }
        return convOut.call(sum ?? input);
    }
}
