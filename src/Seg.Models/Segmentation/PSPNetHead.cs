using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>PaddleSeg's PSPNetHead: PPModule, dropout 0.1 and a 1×1 classifier on the deep feature; AuxLayer on the shallow one.</summary>
public sealed class PSPNetHead : Module<Tensor[], Tensor[]>
{
    private readonly int[] backboneIndices;
    private readonly PPModule pspModule;
    private readonly Dropout dropout;
    private readonly Conv2d conv;
    private readonly AuxLayer? auxlayer;

    public PSPNetHead(long numClasses, IReadOnlyList<int> backboneIndices, IReadOnlyList<long> backboneChannels, long ppOutChannels,
        IReadOnlyList<long> binSizes, bool enableAuxiliaryLoss, bool alignCorners) : base(nameof(PSPNetHead))
    {
        this.backboneIndices = [.. backboneIndices];
        pspModule = new PPModule(backboneChannels[1], ppOutChannels, binSizes, dimReduction: true, alignCorners);
        dropout = new Dropout(0.1);
        conv = PaddleLayers.Conv2d(ppOutChannels, numClasses, 1);
        register_module("psp_module", pspModule);
        register_module("dropout", dropout);
        register_module("conv", conv);
        if (enableAuxiliaryLoss)
        {
            auxlayer = new AuxLayer(backboneChannels[0], backboneChannels[0] / 4, numClasses);
            register_module("auxlayer", auxlayer);
        }
    }

    public override Tensor[] forward(Tensor[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var logits = new List<Tensor>(2);
        try
        {
            using (var x = pspModule.call(input[backboneIndices[1]]))
            using (var y = dropout.call(x))
                logits.Add(conv.call(y));
            if (auxlayer is not null) logits.Add(auxlayer.call(input[backboneIndices[0]]));
            return [.. logits];
        }
        catch
        {
            foreach (var t in logits) t.Dispose();
            throw;
        }
    }
}
