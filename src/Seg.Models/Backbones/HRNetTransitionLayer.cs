using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Backbones;

/// <summary>
/// HRNet's TransitionLayer: branch i keeps its input (same channels), maps it with a 3×3 ConvBNReLU (other channels),
/// or, for a new branch, downsamples the last input with a stride-2 3×3 ConvBNReLU (<c>transition_{name}_layer_{i}</c>).
/// </summary>
public sealed class HRNetTransitionLayer : Module<Tensor[], Tensor[]>
{
    private readonly List<ConvBNReLU?> convs = [];

    public HRNetTransitionLayer(IReadOnlyList<long> inChannels, IReadOnlyList<long> outChannels, string name, bool paddingSame)
        : base(nameof(HRNetTransitionLayer))
    {
        long? padding = paddingSame ? null : 1;
        for (var i = 0; i < outChannels.Count; i++)
        {
            ConvBNReLU? conv = null;
            if (i < inChannels.Count)
            {
                if (inChannels[i] != outChannels[i]) conv = new ConvBNReLU(inChannels[i], outChannels[i], 3, padding: padding, bias: false);
            }
            else
            {
                conv = new ConvBNReLU(inChannels[^1], outChannels[i], 3, 2, padding, bias: false);
            }
            if (conv is not null) register_module($"transition_{name}_layer_{i + 1}", conv);
            convs.Add(conv);
        }
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outs = new List<Tensor>(convs.Count);
        try
        {
            for (var i = 0; i < convs.Count; i++)
            {
                var source = i < input.Length ? input[i] : input[^1];
                outs.Add(convs[i] is { } conv ? conv.call(source) : source.alias());
            }
            return [.. outs];
        }
        catch
        {
            foreach (var t in outs) t.Dispose();
            throw;
        }
    }
}
