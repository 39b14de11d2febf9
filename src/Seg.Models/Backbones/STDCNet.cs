using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// STDCNet (Fan et al., "Rethinking BiSeNet for Real-time Semantic Segmentation"), as PaddleSeg's
/// backbones/stdcnet.py: two stride-2 ConvBNRelu stems and three stages of CatBottlenecks (the first of
/// each with stride 2) in one <c>features</c> Sequential. forward returns the 1/2, 1/4, 1/8, 1/16 and 1/32
/// features with channels base/2, base, 4·base, 8·base, 16·base. Conv weights start from Normal(0, 0.001).
/// </summary>
[BackboneOutputs(5)]
public class STDCNet : Backbone, IParameterLearningRates
{
    private readonly Sequential features = new(Array.Empty<Module<Tensor, Tensor>>());
    private readonly int[] layers;
    private readonly long[] featChannels;

    public STDCNet(long baseChannels, IReadOnlyList<int> layers, STDCNetOptions options, int blockNum = 4) : base(nameof(STDCNet))
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        this.layers = [.. layers];
        featChannels = [baseChannels / 2, baseChannels, baseChannels * 4, baseChannels * 8, baseChannels * 16];
        features.append(new StdcConvBNRelu(options.InChannels, baseChannels / 2, 3, 2));
        features.append(new StdcConvBNRelu(baseChannels / 2, baseChannels, 3, 2));
        for (var i = 0; i < this.layers.Length; i++)
        {
            for (var j = 0; j < this.layers[i]; j++)
            {
                if (i == 0 && j == 0) features.append(new CatBottleneck(baseChannels, baseChannels * 4, blockNum, 2));
                else if (j == 0) features.append(new CatBottleneck(baseChannels << (i + 1), baseChannels << (i + 2), blockNum, 2));
                else features.append(new CatBottleneck(baseChannels << (i + 2), baseChannels << (i + 2), blockNum, 1));
            }
        }
        register_module("features", features);
        foreach (var m in modules())
            if (m is Conv2d conv) torch.nn.init.normal_(conv.weight, 0, 0.001);
        PretrainedWeights.Load(this, options.Pretrained);
    }

    public STDCNetOptions Options { get; }

    public override IReadOnlyList<long> FeatChannels => featChannels;

    public IEnumerable<(Parameter Parameter, double Multiplier)> LearningRateMultipliers() =>
        parameters().Select(p => (p, Options.RelativeLr));

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outs = new List<Tensor>(5) { features[0].call(input) };
        outs.Add(features[1].call(outs[0]));
        var index = 2;
        foreach (var count in layers)
        {
            var x = outs[^1];
            for (var k = 0; k < count; k++, index++) x = features[index].call(x);
            outs.Add(x);
        }
        return [.. outs];
    }
}
