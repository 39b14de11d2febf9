using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>
/// STDC-Seg (PaddleSeg's models/stdcseg.py): the context path, a feature fusion module on the 1/8 spatial
/// and context features, and seg heads. Training returns [main, 1/8 aux, 1/16 aux] logits resized to the
/// input (bilinear, align_corners True, as PaddleSeg) followed by the enabled 1-channel detail maps
/// (sp2, sp4, sp8, at their own resolution); eval returns [main].
/// </summary>
[SegComponent("STDCSeg", ComponentKind.Model)]
public sealed class STDCSeg : SegModel, IPretrainedComponent
{
    private readonly ContextPath cp;
    private readonly FeatureFusionModule ffm;
    private readonly SegHead convOut;
    private readonly SegHead convOut8;
    private readonly SegHead convOut16;
    private readonly SegHead convOutSp2;
    private readonly SegHead convOutSp4;
    private readonly SegHead convOutSp8;

    public STDCSeg(STDCSegOptions options) : base(nameof(STDCSeg))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var ch = options.Backbone.FeatChannels;
        cp = new ContextPath(options.Backbone);
        ffm = new FeatureFusionModule(ch[2] + 128, 256);
        convOut = new SegHead(256, 256, options.NumClasses, bias: true);
        convOut8 = new SegHead(128, 64, options.NumClasses, bias: true);
        convOut16 = new SegHead(128, 64, options.NumClasses, bias: true);
        var convOutSp16 = new SegHead(ch[3], 64, 1, bias: true);
        convOutSp8 = new SegHead(ch[2], 64, 1, bias: true);
        convOutSp4 = new SegHead(ch[1], 64, 1, bias: true);
        convOutSp2 = new SegHead(ch[0], 64, 1, bias: true);
        register_module("cp", cp);
        register_module("ffm", ffm);
        register_module("conv_out", convOut);
        register_module("conv_out8", convOut8);
        register_module("conv_out16", convOut16);
        // PaddleSeg builds the 1/16 detail head (so checkpoints hold it) but never uses it.
        register_module("conv_out_sp16", convOutSp16);
        register_module("conv_out_sp8", convOutSp8);
        register_module("conv_out_sp4", convOutSp4);
        register_module("conv_out_sp2", convOutSp2);
    }

    public STDCSegOptions Options { get; }


    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>

    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var size = Resize.SpatialSize(input);
        var feats = cp.call(input);
        var fuse = ffm.forward(feats.Feat8, feats.Context8);
        var outputs = new List<Tensor> { Resize.Logits(convOut.call(fuse), size, training, alignCorners: true) };
        if (!training) return [.. outputs];
        outputs.Add(Resize.Logits(convOut8.call(feats.Context8), size, training, alignCorners: true));
        outputs.Add(Resize.Logits(convOut16.call(feats.Context16), size, training, alignCorners: true));
        if (Options.UseBoundary2) outputs.Add(convOutSp2.call(feats.Feat2));
        if (Options.UseBoundary4) outputs.Add(convOutSp4.call(feats.Feat4));
        if (Options.UseBoundary8) outputs.Add(convOutSp8.call(feats.Feat8));
        return [.. outputs];
    }
}
