using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Heads;
using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>
/// PP-LiteSeg (Peng et al. 2022; PaddleSeg's models/pp_liteseg.py): backbone features at backbone_indices,
/// the PPLiteSegHead decoder, and one SegHead per level. Training returns one logit map per level (shallow
/// first), eval only the shallowest; all are resized to the input (bilinear, align_corners False).
/// </summary>
[SegComponent("PPLiteSeg", ComponentKind.Model)]
public sealed class PPLiteSeg : SegModel, IPretrainedComponent
{
    private readonly Backbone backbone;
    private readonly PPLiteSegHead ppsegHead;
    private readonly ModuleList<SegHead> segHeads = new();
    private readonly int[] backboneIndices;

    public PPLiteSeg(PPLiteSegOptions options) : base(nameof(PPLiteSeg))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        backbone = options.Backbone;
        backboneIndices = [.. options.BackboneIndices];
        var featChannels = backbone.FeatChannels;
        if (backboneIndices.Length <= 1) throw new ArgumentException("the length of backbone_indices should be greater than 1");
        if (backboneIndices.Any(i => i < 0 || i >= featChannels.Count))
            throw new ArgumentException($"backbone_indices [{string.Join(", ", backboneIndices)}] must be in [0, {featChannels.Count}) (the backbone has {featChannels.Count} outputs)");
        var outChannels = backboneIndices.Select(i => featChannels[i]).ToList();
        var armOut = PerLevel(options.ArmOutChs, "arm_out_chs", backboneIndices.Length);
        var interChs = PerLevel(options.SegHeadInterChs, "seg_head_inter_chs", backboneIndices.Length);

        ppsegHead = new PPLiteSegHead(outChannels, armOut, options.CmBinSizes, options.CmOutCh, options.ArmType, options.ResizeMode);
        for (var i = 0; i < armOut.Count; i++) segHeads.append(new SegHead(armOut[i], interChs[i], options.NumClasses, bias: false));
        register_module("backbone", backbone);
        register_module("ppseg_head", ppsegHead);
        register_module("seg_heads", segHeads);
    }

    public PPLiteSegOptions Options { get; }


    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>

    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var size = Resize.SpatialSize(input);
        var feats = backbone.call(input);
        var heads = ppsegHead.forward(backboneIndices.Select(i => feats[i]).ToList());
        var count = training ? heads.Length : 1;
        return [.. Enumerable.Range(0, count).Select(i => Resize.Logits(segHeads[i].call(heads[i]), size, training))];
    }

    private static List<long> PerLevel(IReadOnlyList<long> values, string key, int levels)
    {
        if (values.Count == 1) return Enumerable.Repeat(values[0], levels).ToList();
        if (values.Count != levels) throw new ArgumentException($"the length of {key} ({values.Count}) and backbone_indices ({levels}) should be equal");
        return [.. values];
    }
}
