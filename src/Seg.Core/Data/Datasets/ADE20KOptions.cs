using Seg.Core.Data.Transforms;

namespace Seg.Core.Data.Datasets;

/// <summary>The YAML keys of <c>type: ADE20K</c>. Seg does not download the data: <c>dataset_root</c> is required.</summary>
public sealed record ADE20KOptions
{
    public required IReadOnlyList<ITransform> Transforms { get; init; }

    public string? DatasetRoot { get; init; }

    public DatasetMode Mode { get; init; } = DatasetMode.Train;

    public bool Edge { get; init; }
}
