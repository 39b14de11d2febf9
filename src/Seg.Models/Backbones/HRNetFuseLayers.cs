using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// HRNet's FuseLayers: output branch i sums its own input, every lower-resolution branch j &gt; i (1×1 ConvBN, bilinear
/// upsampling; <c>residual_{name}_layer_{i}_{j}</c>) and every higher-resolution branch j &lt; i (i - j stride-2 3×3 convs,
/// ConvBNReLU then a last ConvBN; <c>residual_{name}_layer_{i}_{j}_{k}</c>), then applies ReLU.
/// </summary>
public sealed class HRNetFuseLayers : Module<Tensor[], Tensor[]>
{
    private readonly List<Module<Tensor, Tensor>> residualFuncs = [];
    private readonly int actualChannels;
    private readonly int inputs;
    private readonly bool alignCorners;

    public HRNetFuseLayers(IReadOnlyList<long> inChannels, IReadOnlyList<long> outChannels, bool multiScaleOutput, string name, bool alignCorners, bool paddingSame)
        : base(nameof(HRNetFuseLayers))
    {
        actualChannels = multiScaleOutput ? inChannels.Count : 1;
        inputs = inChannels.Count;
        this.alignCorners = alignCorners;
        long? padding = paddingSame ? null : 1;
        for (var i = 0; i < actualChannels; i++)
        {
            for (var j = 0; j < inChannels.Count; j++)
            {
                if (j > i)
                {
                    Add($"residual_{name}_layer_{i + 1}_{j + 1}", new ConvBN(inChannels[j], outChannels[i], 1, bias: false));
                }
                else if (j < i)
                {
                    var preNumFilters = inChannels[j];
                    for (var k = 0; k < i - j; k++)
                    {
                        var key = $"residual_{name}_layer_{i + 1}_{j + 1}_{k + 1}";
                        if (k == i - j - 1)
                        {
                            Add(key, new ConvBN(preNumFilters, outChannels[i], 3, 2, padding, bias: false));
                            preNumFilters = outChannels[i];
                        }
                        else
                        {
                            Add(key, new ConvBNReLU(preNumFilters, outChannels[j], 3, 2, padding, bias: false));
                            preNumFilters = outChannels[j];
                        }
                    }
                }
            }
        }
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outs = new List<Tensor>(actualChannels);
        try
        {
            var index = 0;
            for (var i = 0; i < actualChannels; i++)
            {
                var size = Resize.SpatialSize(input[i]);
                using var residual = input[i].clone();
                for (var j = 0; j < inputs; j++)
                {
                    if (j > i)
                    {
                        using var y = residualFuncs[index++].call(input[j]);
                        using var up = Resize.To(y, size, ResizeMode.Bilinear, alignCorners);
                        residual.add_(up);
                    }
                    else if (j < i)
                    {
                        var y = input[j].alias();
                        for (var k = 0; k < i - j; k++)
                        {
                            var next = residualFuncs[index++].call(y);
                            y.Dispose();
                            y = next;
                        }
                        using (y) residual.add_(y);
                    }
                }
                outs.Add(torch.nn.functional.relu(residual));
            }
            return [.. outs];
        }
        catch
        {
            foreach (var t in outs) t.Dispose();
            throw;
        }
    }

    private void Add(string name, Module<Tensor, Tensor> module)
    {
        register_module(name, module);
        residualFuncs.Add(module);
    }
}
