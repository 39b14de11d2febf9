using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// STDC's "cat" block: conv_list[0] (1×1) halves the channels, each further conv halves them again
/// (the last keeps its input's), and the outputs are concatenated. With stride 2 the first output is
/// downsampled by a depthwise conv + BN (avd_layer) on the way into conv_list[1] and by a 3×3 average pool
/// (skip, padding excluded as in Paddle) where it is concatenated.
/// </summary>
public sealed class CatBottleneck : Module<Tensor, Tensor>
{
    private readonly ModuleList<StdcConvBNRelu> convList = new();
    private readonly Sequential? avdLayer;
    private readonly long stride;

    public CatBottleneck(long inPlanes, long outPlanes, int blockNum = 3, long stride = 1) : base(nameof(CatBottleneck))
    {
        if (blockNum <= 1) throw new ArgumentException("block number should be larger than 1.", nameof(blockNum));
        this.stride = stride;
        register_module("conv_list", convList);
        if (stride == 2)
        {
            var half = outPlanes / 2;
            avdLayer = new Sequential(PaddleLayers.Conv2d(half, half, 3, 2, 1, groups: half, bias: false), PaddleLayers.BatchNorm2d(half));
            register_module("avd_layer", avdLayer);
        }
        for (var idx = 0; idx < blockNum; idx++)
        {
            convList.append(idx switch
            {
                0 => new StdcConvBNRelu(inPlanes, outPlanes / 2, kernel: 1),
                1 when blockNum == 2 => new StdcConvBNRelu(outPlanes / 2, outPlanes / 2),
                1 => new StdcConvBNRelu(outPlanes / 2, outPlanes / 4),
                _ when idx < blockNum - 1 => new StdcConvBNRelu(outPlanes >> idx, outPlanes >> (idx + 1)),
                _ => new StdcConvBNRelu(outPlanes >> idx, outPlanes >> idx),
            });
        }
    }

    public override Tensor forward(Tensor input)
    {
        var out1 = convList[0].call(input);
        var outs = new List<Tensor>(convList.Count) { out1 };
        var x = out1;
        for (var idx = 1; idx < convList.Count; idx++)
        {
            x = convList[idx].call(idx == 1 && avdLayer is not null ? avdLayer.call(out1) : x);
            outs.Add(x);
        }
        if (stride == 2) outs[0] = torch.nn.functional.avg_pool2d(out1, 3, 2, 1, count_include_pad: false);
        return torch.cat(outs, 1);
    }
}
