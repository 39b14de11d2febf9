using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Heads;

/// <summary>
/// PP-LiteSeg's decoder: the context module (cm) on the deepest selected feature, then one fusion module per
/// level from deep to shallow (arm_list), each fusing a backbone feature with the previous level's output.
/// Returns the fused features shallow first.
/// </summary>
public sealed class PPLiteSegHead : Module
{
    private readonly PPContextModule cm;
    private readonly ModuleList<UAFM> armList = new();

    public PPLiteSegHead(IReadOnlyList<long> backboneOutChannels, IReadOnlyList<long> armOutChannels, IReadOnlyList<long> cmBinSizes,
        long cmOutChannels, ArmType armType, ResizeMode resizeMode) : base(nameof(PPLiteSegHead))
    {
        ArgumentNullException.ThrowIfNull(backboneOutChannels);
        ArgumentNullException.ThrowIfNull(armOutChannels);
        cm = new PPContextModule(backboneOutChannels[^1], cmOutChannels, cmOutChannels, cmBinSizes);
        for (var i = 0; i < backboneOutChannels.Count; i++)
        {
            var high = i == backboneOutChannels.Count - 1 ? cmOutChannels : armOutChannels[i + 1];
            armList.append(UAFM.Create(armType, backboneOutChannels[i], high, armOutChannels[i], 3, resizeMode));
        }
        register_module("cm", cm);
        register_module("arm_list", armList);
    }

    /// <summary>The caller keeps <paramref name="features"/>; the result is new tensors, one per level.</summary>
    public Tensor[] forward(IReadOnlyList<Tensor> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var outputs = new Tensor[features.Count];
        var high = cm.call(features[^1]);
        for (var i = features.Count - 1; i >= 0; i--)
        {
            high = armList[i].forward(features[i], high);
            outputs[i] = high;
        }
        return outputs;
    }
}
