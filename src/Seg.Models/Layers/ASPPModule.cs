using Seg.Torch.Modules;

namespace Seg.Models.Layers;

/// <summary>
/// Atrous spatial pyramid pooling (PaddleSeg's layers.ASPPModule without separable convs): one ConvBNReLU per ratio
/// (1×1 for ratio 1, else 3×3 with that dilation and padding), optionally image pooling (global average, a bias-free
/// 1×1 ConvBNReLU, resized back), concatenated, a 1×1 ConvBNReLU and dropout 0.1.
/// </summary>
public sealed class ASPPModule : Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvBNReLU> asppBlocks = new();
    private readonly Sequential? globalAvgPool;
    private readonly ConvBNReLU convBnRelu;
    private readonly Dropout dropout;
    private readonly bool alignCorners;

    public ASPPModule(IReadOnlyList<long> asppRatios, long inChannels, long outChannels, bool alignCorners, bool imagePooling)
        : base(nameof(ASPPModule))
    {
        ArgumentNullException.ThrowIfNull(asppRatios);
        foreach (var ratio in asppRatios)
            asppBlocks.append(new ConvBNReLU(inChannels, outChannels, ratio == 1 ? 1 : 3, padding: ratio == 1 ? 0 : ratio, dilation: ratio));
        var outSize = asppRatios.Count;
        register_module("aspp_blocks", asppBlocks);
        if (imagePooling)
        {
            globalAvgPool = new Sequential(new AdaptiveAvgPool2d((1, 1)), new ConvBNReLU(inChannels, outChannels, 1, bias: false));
            register_module("global_avg_pool", globalAvgPool);
            outSize++;
        }
        convBnRelu = new ConvBNReLU(outChannels * outSize, outChannels, 1);
        dropout = new Dropout(0.1);
        this.alignCorners = alignCorners;
        register_module("conv_bn_relu", convBnRelu);
        register_module("dropout", dropout);
    }

    public override Tensor forward(Tensor input)
    {
        var outputs = new List<Tensor>(asppBlocks.Count + 1);
        try
        {
            foreach (var block in asppBlocks) outputs.Add(block.call(input));
            if (globalAvgPool is not null)
            {
                using var pooled = globalAvgPool.call(input);
                outputs.Add(Resize.To(pooled, Resize.SpatialSize(input), ResizeMode.Bilinear, alignCorners));
            }
            using var cat = torch.cat([.. outputs], 1);
            using var x = convBnRelu.call(cat);
            return dropout.call(x);
        }
        finally
        {
            foreach (var t in outputs) t.Dispose();
        }
    }
}
