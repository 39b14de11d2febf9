using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>OCRNet's SpatialOCRModule: the object context of each pixel, concatenated with the pixels, then a 1×1 ConvBNReLU and Dropout2D.</summary>
public sealed class SpatialOCRModule : Module
{
    private readonly ObjectAttentionBlock attentionBlock;
    private readonly Sequential conv1x1;

    public SpatialOCRModule(long inChannels, long keyChannels, long outChannels, double dropoutRate = 0.1) : base(nameof(SpatialOCRModule))
    {
        attentionBlock = new ObjectAttentionBlock(inChannels, keyChannels);
        conv1x1 = new Sequential(new ConvBNReLU(2 * inChannels, outChannels, 1), new Dropout2d(dropoutRate));
        register_module("attention_block", attentionBlock);
        register_module("conv1x1", conv1x1);
    }

    public Tensor forward(Tensor pixels, Tensor regions)
    {
        using var context = attentionBlock.forward(pixels, regions);
        using var feats = torch.cat([context, pixels], 1);
        return conv1x1.call(feats);
    }
}
