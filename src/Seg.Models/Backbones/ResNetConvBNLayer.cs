using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// ResNet_vd's ConvBNLayer: an optional 2×2 average pool (stride 2, ceil mode; the "vd" shortcut), a bias-free conv
/// with padding (k-1)/2 or, when dilated, the dilation, batch norm and an optional ReLU (keys <c>_conv</c>, <c>_batch_norm</c>).
/// </summary>
public sealed class ResNetConvBNLayer : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d batchNorm;
    private readonly bool isVdMode;
    private readonly bool relu;

    public ResNetConvBNLayer(long inChannels, long outChannels, long kernelSize, long stride = 1, long dilation = 1, bool isVdMode = false, bool relu = false)
        : base(nameof(ResNetConvBNLayer))
    {
        if (dilation != 1 && kernelSize != 3) throw new ArgumentException("When the dilation isn't 1, the kernel_size should be 3.");
        this.isVdMode = isVdMode;
        this.relu = relu;
        conv = PaddleLayers.Conv2d(inChannels, outChannels, kernelSize, stride, dilation == 1 ? (kernelSize - 1) / 2 : dilation, bias: false, dilation: dilation);
        batchNorm = PaddleLayers.BatchNorm2d(outChannels);
        register_module("_conv", conv);
        register_module("_batch_norm", batchNorm);
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(conv, batchNorm)];

    public override Tensor forward(Tensor input)
    {
        // Paddle's AvgPool2D(2, 2, ceil_mode=True) is exclusive: a clipped window averages only what it covers, as torch's without padding.
        using var pooled = isVdMode ? torch.nn.functional.avg_pool2d(input, 2, 2, 0, ceil_mode: true) : null;
        using var x = conv.call(pooled ?? input);
        if (!relu) return batchNorm.call(x);
        using var y = batchNorm.call(x);
        return torch.nn.functional.relu(y);
    }
}
