using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>
/// PSPNet (Zhao et al., "Pyramid Scene Parsing Network"; PaddleSeg's models/pspnet.py): the backbone, PSPNetHead on
/// backbone_indices [aux, main]. Returns [main, aux] (aux only with enable_auxiliary_loss) in training and eval alike,
/// as PaddleSeg does, resized to the input (bilinear, align_corners).
/// </summary>
[SegComponent("PSPNet", ComponentKind.Model)]
public sealed class PSPNet : SegModel, IPretrainedComponent
{
    private readonly Backbone backbone;
    private readonly PSPNetHead head;

    public PSPNet(PSPNetOptions options) : base(nameof(PSPNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        backbone = options.Backbone;
        OptionsValidation.ThrowIfInvalid(options, ConfiguredChildren.Of(("backbone", backbone)));
        var channels = ModelChecks.BackboneChannels(backbone, options.BackboneIndices);
        head = new PSPNetHead(options.NumClasses, options.BackboneIndices, channels, options.PpOutChannels, options.BinSizes,
            options.EnableAuxiliaryLoss, options.AlignCorners);
        register_module("backbone", backbone);
        register_module("head", head);
    }

    public PSPNetOptions Options { get; }


    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>

    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input) => ModelChecks.ResizedLogits(backbone, head.call, input, Options.AlignCorners, keep: int.MaxValue, training: training);
}
