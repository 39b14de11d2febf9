using Seg.Core.Contracts;
using Seg.Core.Weights;
using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// ResNet_vd (He et al., "Bag of Tricks for Image Classification"; PaddleSeg's backbones/resnet_vd.py): the three-conv
/// stem (conv1_1 stride 2, conv1_2, conv1_3), a 3×3 max pool, and four stages of blocks <c>bb_{stage}_{block}</c>
/// (bottlenecks from 50 layers up) whose projected shortcuts average-pool before the 1×1 conv. output_stride 8
/// dilates stages 3 and 4 by 2 and 4 (16: stage 4 by 2) instead of striding; stage 4 multiplies by multi_grid.
/// forward returns the four stage outputs (feat_channels 256, 512, 1024, 2048; 64, 128, 256, 512 below 50 layers).
/// </summary>
[BackboneOutputs(4)]
public class ResNet_vd : Backbone
{
    private static readonly int[] SupportedLayers = [18, 34, 50, 101, 152, 200];

    private readonly ResNetConvBNLayer conv1_1;
    private readonly ResNetConvBNLayer conv1_2;
    private readonly ResNetConvBNLayer conv1_3;
    private readonly List<List<Module<Tensor, Tensor>>> stages = [];
    private readonly long[] featChannels;

    public ResNet_vd(int layers, ResNetVdOptions options) : base(nameof(ResNet_vd))
    {
        ArgumentNullException.ThrowIfNull(options);
        var depth = Depth(layers);
        OptionsValidation.ThrowIfInvalid(options);
        if (options.MultiGrid.Count < depth[3])
            throw new ArgumentException($"multi_grid: stage 4 has {depth[3]} blocks, so it needs {depth[3]} values, got {OptionsValidation.List(options.MultiGrid)}");
        Options = options;
        long[] numChannels = layers >= 50 ? [64, 256, 512, 1024] : [64, 64, 128, 256];
        long[] numFilters = [64, 128, 256, 512];
        featChannels = layers >= 50 ? [.. numFilters.Select(c => c * 4)] : [.. numFilters];
        var dilations = options.OutputStride switch
        {
            8 => new Dictionary<int, int> { [2] = 2, [3] = 4 },
            16 => new Dictionary<int, int> { [3] = 2 },
            _ => [],
        };

        conv1_1 = new ResNetConvBNLayer(options.InChannels, 32, 3, stride: 2, relu: true);
        conv1_2 = new ResNetConvBNLayer(32, 32, 3, relu: true);
        conv1_3 = new ResNetConvBNLayer(32, 64, 3, relu: true);
        register_module("conv1_1", conv1_1);
        register_module("conv1_2", conv1_2);
        register_module("conv1_3", conv1_3);
        for (var block = 0; block < depth.Length; block++)
        {
            var blocks = new List<Module<Tensor, Tensor>>();
            for (var i = 0; i < depth[block]; i++)
            {
                long dilation = dilations.GetValueOrDefault(block, 1);
                if (block == 3) dilation *= options.MultiGrid[i];
                var stride = i == 0 && block != 0 && dilation == 1 ? 2 : 1;
                var shortcut = i > 0;
                var ifFirst = block == 0 && i == 0;
                Module<Tensor, Tensor> unit = layers >= 50
                    ? new ResNetBottleneckBlock(i == 0 ? numChannels[block] : numFilters[block] * 4, numFilters[block], stride, shortcut, ifFirst, dilation)
                    : new ResNetBasicBlock(i == 0 ? numChannels[block] : numFilters[block], numFilters[block], stride, shortcut, ifFirst, dilation);
                register_module($"bb_{block}_{i}", unit);
                blocks.Add(unit);
            }
            stages.Add(blocks);
        }
        PretrainedWeights.Load(this, options.Pretrained);
    }

    public ResNetVdOptions Options { get; }

    public override IReadOnlyList<long> FeatChannels => featChannels;

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor y;
        using (var c1 = conv1_1.call(input))
        using (var c2 = conv1_2.call(c1))
        using (var c3 = conv1_3.call(c2))
            y = torch.nn.functional.max_pool2d(c3, 3, 2, 1);
        var feats = new List<Tensor>(stages.Count);
        var owned = true; // y is not one of the returned features yet
        try
        {
            foreach (var stage in stages)
            {
                foreach (var block in stage)
                {
                    var next = block.call(y);
                    if (owned) y.Dispose();
                    y = next;
                    owned = true;
                }
                feats.Add(y);
                owned = false;
            }
            return [.. feats];
        }
        catch
        {
            if (owned) y.Dispose();
            foreach (var t in feats) t.Dispose();
            throw;
        }
    }

    private static int[] Depth(int layers) => layers switch
    {
        18 => [2, 2, 2, 2],
        34 or 50 => [3, 4, 6, 3],
        101 => [3, 4, 23, 3],
        152 => [3, 8, 36, 3],
        200 => [3, 12, 48, 3],
        _ => throw new ArgumentException($"supported layers are [{string.Join(", ", SupportedLayers)}] but input layer is {layers}"),
    };
}
