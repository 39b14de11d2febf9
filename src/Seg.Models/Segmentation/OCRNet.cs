using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Models.Layers;

namespace Seg.Models.Segmentation;

/// <summary>
/// OCRNet (Yuan et al., "Object-Contextual Representations for Semantic Segmentation"; PaddleSeg's models/ocrnet.py):
/// the backbone and OCRHead on backbone_indices. Training returns [main, soft_regions], eval [main], resized to the
/// input (bilinear, align_corners).
/// </summary>
[SegComponent("OCRNet", ComponentKind.Model)]
public sealed class OCRNet : SegModel, IPretrainedComponent
{
    private readonly Backbone backbone;
    private readonly OCRHead head;
    private readonly int[] backboneIndices;

    public OCRNet(OCRNetOptions options) : base(nameof(OCRNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        backbone = options.Backbone;
        backboneIndices = [.. options.BackboneIndices];
        OptionsValidation.ThrowIfInvalid(options, ConfiguredChildren.Of(("backbone", backbone)));
        var channels = ModelChecks.BackboneChannels(backbone, options.BackboneIndices);
        head = new OCRHead(options.NumClasses, channels, options.OcrMidChannels, options.OcrKeyChannels);
        register_module("backbone", backbone);
        register_module("head", head);
    }

    public OCRNetOptions Options { get; }


    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>

    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    public override Tensor[] forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ModelChecks.ResizedLogits(backbone, feats => head.call([.. backboneIndices.Select(i => feats[i])]), input, Options.AlignCorners, training ? 2 : 1, training);
    }
}
