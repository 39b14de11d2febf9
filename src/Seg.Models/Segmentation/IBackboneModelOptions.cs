using Seg.Core.Registry;
using Seg.Core.Contracts;

namespace Seg.Models.Segmentation;

/// <summary>The keys every backbone + head model's options share (PSPNet, DeepLabV3, OCRNet).</summary>
public interface IBackboneModelOptions : IValidatedWithChildren
{
    long NumClasses { get; }

    Backbone Backbone { get; }

    IReadOnlyList<int> BackboneIndices { get; }

    bool AlignCorners { get; }

    string? Pretrained { get; }
}
