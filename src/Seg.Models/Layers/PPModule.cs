using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>
/// PSPNet's pyramid pooling module (PaddleSeg's layers.PPModule): each stage pools to bin×bin and applies a 1×1
/// ConvBNReLU to in_channels / len(bin_sizes) (dim_reduction); the stages are resized back (bilinear), concatenated
/// after the input in reverse order, and conv_bn_relu2 (3×3) maps them to out_channels.
/// </summary>
public sealed class PPModule : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> stages = new();
    private readonly ConvBNReLU convBnRelu2;
    private readonly bool alignCorners;

    public PPModule(long inChannels, long outChannels, IReadOnlyList<long> binSizes, bool dimReduction, bool alignCorners)
        : base(nameof(PPModule))
    {
        ArgumentNullException.ThrowIfNull(binSizes);
        if (binSizes.Count == 0) throw new ArgumentException("bin_sizes must name at least one bin size");
        var interChannels = dimReduction ? inChannels / binSizes.Count : inChannels;
        foreach (var size in binSizes)
            stages.append(new Sequential(new AdaptiveAvgPool2d((size, size)), new ConvBNReLU(inChannels, interChannels, 1)));
        convBnRelu2 = new ConvBNReLU(inChannels + interChannels * binSizes.Count, outChannels, 3, padding: 1);
        this.alignCorners = alignCorners;
        register_module("stages", stages);
        register_module("conv_bn_relu2", convBnRelu2);
    }

    public override Tensor forward(Tensor input)
    {
        var size = Resize.SpatialSize(input);
        var upsampled = new List<Tensor>(stages.Count);
        try
        {
            foreach (var stage in stages)
            {
                using var pooled = stage.call(input);
                upsampled.Add(Resize.To(pooled, size, ResizeMode.Bilinear, alignCorners));
            }
            upsampled.Reverse();
            using var cat = torch.cat([input, .. upsampled], 1);
            return convBnRelu2.call(cat);
        }
        finally
        {
            foreach (var t in upsampled) t.Dispose();
        }
    }
}
