using Seg.Core.Contracts;
using Seg.Core.Registry;

namespace Seg.Models.Segmentation;

/// <summary>The YAML keys of <c>type: STDCSeg</c> (PaddleSeg's arguments and defaults).</summary>
public sealed record STDCSegOptions
{
    public required long NumClasses { get; init; }

    public required Backbone Backbone { get; init; }

    /// <summary>Adds the 1-channel detail map of the 1/2 features to the training outputs.</summary>
    [ConfigName("use_boundary_2")]
    public bool UseBoundary2 { get; init; }

    [ConfigName("use_boundary_4")]
    public bool UseBoundary4 { get; init; }

    /// <summary>Adds the 1/8 detail map (the paper's setting, trained with DetailAggregateLoss).</summary>
    [ConfigName("use_boundary_8")]
    public bool UseBoundary8 { get; init; } = true;

    /// <summary>Accepted as in PaddleSeg, where it has no effect (forward never emits the 1/16 map).</summary>
    [ConfigName("use_boundary_16")]
    public bool UseBoundary16 { get; init; }

    /// <summary>Accepted as in PaddleSeg, where it has no effect (the context path's channels stay 1024).</summary>
    public bool UseConvLast { get; init; }

    /// <summary>Whole-model weights (a safetensors file or checkpoint folder, keys relative to the model), loaded at the end of construction over the backbone's.</summary>
    public string? Pretrained { get; init; }
}
