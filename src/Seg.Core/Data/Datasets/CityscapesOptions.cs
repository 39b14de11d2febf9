using Seg.Core.Data.Transforms;

namespace Seg.Core.Data.Datasets;

/// <summary>The YAML keys of <c>type: Cityscapes</c>.</summary>
public sealed record CityscapesOptions
{
    public required IReadOnlyList<ITransform> Transforms { get; init; }

    public required string DatasetRoot { get; init; }

    public DatasetMode Mode { get; init; } = DatasetMode.Train;

    public bool Edge { get; init; }
}
