using Seg.Core.Contracts;
using Seg.Core.Registry;

namespace Seg.Pssl.Classification;

/// <summary>The YAML keys of <c>type: ImageClassifier</c>: any registered backbone, global average pooling and a linear head.</summary>
public sealed record ImageClassifierOptions : IValidatedOptions
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>Whole-model weights (safetensors, checkpoint folder or .pdparams), loaded after construction over the backbone's.</summary>
    public string? Pretrained { get; init; }

    public (string Key, string Reason)? Validate() =>
        NumClasses < 1 ? ("num_classes", $"must be at least 1, got {NumClasses}.") : null;
}
