using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Layers;
using Seg.Torch.Modules;

namespace Seg.Models.Segmentation;

/// <summary>
/// A model that is a backbone and one head (PaddleSeg's PSPNet, DeepLabV3, OCRNet): validates its options, builds the
/// head on the channels at backbone_indices, registers <c>backbone</c> then <c>head</c>, and returns the head's logits
/// resized to the input (bilinear, align_corners).
/// </summary>
public abstract class BackboneHeadModel<TOptions> : SegModel, IPretrainedComponent
    where TOptions : IBackboneModelOptions
{
    private readonly Backbone backbone;
    private readonly Module<Tensor[], Tensor[]> head;

    /// <param name="head">Builds the head from the options and the channels of the backbone outputs at backbone_indices.</param>
    protected BackboneHeadModel(string name, TOptions options, Func<TOptions, long[], Module<Tensor[], Tensor[]>> head) : base(name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(head);
        Options = options;
        backbone = options.Backbone;
        OptionsValidation.ThrowIfInvalid(options, ConfiguredChildren.Of(("backbone", backbone)));
        var channels = ModelChecks.BackboneChannels(backbone, options.BackboneIndices);
        this.head = head(options, channels);
        register_module("backbone", backbone);
        register_module("head", this.head);
    }

    public TOptions Options { get; }

    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>
    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input) => ModelChecks.ResizedLogits(backbone, Head, input, Options.AlignCorners, OutputCount, training);

    /// <summary>Runs the head on the backbone outputs (all of them; OCRNet passes those at backbone_indices).</summary>
    protected virtual Tensor[] Head(Tensor[] feats) => head.call(feats);

    /// <summary>How many of the head's logits are returned.</summary>
    protected virtual int OutputCount => int.MaxValue;
}
