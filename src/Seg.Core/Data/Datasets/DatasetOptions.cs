using Seg.Core.Data.Transforms;

namespace Seg.Core.Data.Datasets;

/// <summary>The YAML keys of <c>type: Dataset</c> (PaddleSeg's generic file-list dataset).</summary>
public sealed record DatasetOptions
{
    public required DatasetMode Mode { get; init; }

    public required string DatasetRoot { get; init; }

    public required IReadOnlyList<ITransform> Transforms { get; init; }

    public required int NumClasses { get; init; }

    public int ImgChannels { get; init; } = 3;

    /// <summary>Used as given (not joined with dataset_root).</summary>
    public string? TrainPath { get; init; }

    public string? ValPath { get; init; }

    public string? TestPath { get; init; }

    public string Separator { get; init; } = " ";

    public int IgnoreIndex { get; init; } = 255;

    /// <summary>Edge labels (mask_to_binary_edge) are not supported; true is an error.</summary>
    public bool Edge { get; init; }
}
