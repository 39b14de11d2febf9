using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>
/// DeepLabV3 (Chen et al., "Rethinking Atrous Convolution for Semantic Image Segmentation"; PaddleSeg's models/deeplab.py):
/// the backbone and DeepLabV3Head (ASPP with image pooling) on backbone_indices[0]. Returns [logits] resized to the
/// input (bilinear, align_corners) in training and eval.
/// </summary>
[SegComponent("DeepLabV3", ComponentKind.Model)]
public sealed class DeepLabV3 : SegModel, IPretrainedComponent
{
    private readonly Backbone backbone;
    private readonly DeepLabV3Head head;

    public DeepLabV3(DeepLabV3Options options) : base(nameof(DeepLabV3))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        backbone = options.Backbone;
        OptionsValidation.ThrowIfInvalid(options, ConfiguredChildren.Of(("backbone", backbone)));
        var channels = ModelChecks.BackboneChannels(backbone, options.BackboneIndices);
        head = new DeepLabV3Head(options.NumClasses, options.BackboneIndices[0], channels[0], options.AsppRatios, options.AsppOutChannels, options.AlignCorners);
        register_module("backbone", backbone);
        register_module("head", head);
    }

    public DeepLabV3Options Options { get; }


    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>

    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input) => ModelChecks.ResizedLogits(backbone, head.call, input, Options.AlignCorners, keep: int.MaxValue, training: training);
}
