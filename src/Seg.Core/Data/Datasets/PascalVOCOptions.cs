using Seg.Core.Data.Transforms;

namespace Seg.Core.Data.Datasets;

/// <summary>The YAML keys of <c>type: PascalVOC</c>. Seg does not download the data: <c>dataset_root</c> must exist.</summary>
public sealed record PascalVOCOptions
{
    public required IReadOnlyList<ITransform> Transforms { get; init; }

    /// <summary>The VOCdevkit folder (with VOC2012/ inside).</summary>
    public string? DatasetRoot { get; init; }

    public PascalVOCMode Mode { get; init; } = PascalVOCMode.Train;

    public bool Edge { get; init; }
}
