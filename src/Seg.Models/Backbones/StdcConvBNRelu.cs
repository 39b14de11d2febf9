using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>STDCNet's own ConvBNRelu: bias-free conv (padding kernel/2) then batch norm and ReLU (keys <c>conv</c>, <c>bn</c>).</summary>
public sealed class StdcConvBNRelu : Module<Tensor, Tensor>, IConvBatchNormPairs
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    public StdcConvBNRelu(long inPlanes, long outPlanes, long kernel = 3, long stride = 1) : base("ConvBNRelu")
    {
        conv = PaddleLayers.Conv2d(inPlanes, outPlanes, kernel, stride, kernel / 2, bias: false);
        bn = PaddleLayers.BatchNorm2d(outPlanes);
        register_module("conv", conv);
        register_module("bn", bn);
    }

    public IEnumerable<(Conv2d Conv, BatchNorm2d BatchNorm)> ConvBatchNormPairs => [(conv, bn)];

    public override Tensor forward(Tensor input)
    {
        var x = conv.call(input);
        var y = bn.call(x);
        return torch.nn.functional.relu(y);
    }
}
