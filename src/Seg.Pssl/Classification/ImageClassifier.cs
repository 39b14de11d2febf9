using Seg.Core.Contracts;
using Seg.Core.Registry;
using Seg.Core.Weights;
using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Pssl.Classification;

/// <summary>
/// An image classifier built from any Seg backbone: the last feature map, global average pooling and a linear layer
/// (<c>fc</c>, as PaddleClas names it). As a <see cref="SegModel"/> it returns one [N, C, 1, 1] logit map, so that the
/// trainer, losses (CrossEntropyLoss on [N, 1, 1] labels is softmax cross-entropy) and checkpoints serve it unchanged.
/// The explainers use <see cref="Logits"/>, <see cref="Features"/> and <see cref="ClassifyFeatures"/>.
/// </summary>
[SegComponent("ImageClassifier", ComponentKind.Model)]
public sealed class ImageClassifier : SegModel, IFeatureClassifier, IPretrainedComponent
{
    private readonly Backbone backbone;
    private readonly Linear fc;

    public ImageClassifier(ImageClassifierOptions options) : base(nameof(ImageClassifier))
    {
        ArgumentNullException.ThrowIfNull(options);
        if (((IValidatedOptions)options).Validate() is var (key, reason)) throw new ArgumentException($"ImageClassifier: {key} {reason}");
        Options = options;
        backbone = options.Backbone;
        if (backbone.FeatChannels.Count == 0) throw new ArgumentException("ImageClassifier: the backbone reports no feature channels");
        fc = new Linear(backbone.FeatChannels[^1], options.NumClasses);
        register_module("backbone", backbone);
        register_module("fc", fc);
    }

    public ImageClassifierOptions Options { get; }

    /// <summary>The configured <c>pretrained:</c> weights, applied by the builder after construction.</summary>
    public string? Pretrained => Options.Pretrained;

    public override long NumClasses => Options.NumClasses;

    /// <summary>The linear layer's weight [C, K] (CAM's class weights).</summary>
    public Tensor ClassWeights => fc.weight;

    public override Tensor[] forward(Tensor input)
    {
        var logits = Logits(input);
        return [logits.view(logits.shape[0], logits.shape[1], 1, 1)];
    }

    /// <summary>Class scores [N, C].</summary>
    public Tensor Logits(Tensor input) => ClassifyFeatures(Features(input));

    /// <summary>The backbone's last feature map [N, K, h, w].</summary>
    public Tensor Features(Tensor input) => backbone.call(input)[^1];

    /// <summary>Pools a feature map and applies the linear layer: [N, K, h, w] → [N, C].</summary>
    public Tensor ClassifyFeatures(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var pooled = torch.nn.functional.adaptive_avg_pool2d(features, 1);
        using var flat = pooled.flatten(1);
        return fc.call(flat);
    }
}
