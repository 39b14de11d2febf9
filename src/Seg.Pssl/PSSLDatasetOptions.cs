using Seg.Core.Data.Datasets;
using Seg.Core.Data.Transforms;

namespace Seg.Pssl;

/// <summary>The YAML keys of <c>type: PSSLDataset</c> (PaddleSeg's <c>PSSLDataset(transforms, imagenet_root, pssl_root, mode='train', edge=False)</c>).</summary>
public sealed record PSSLDatasetOptions
{
    public required IReadOnlyList<ITransform> Transforms { get; init; }

    public string? ImagenetRoot { get; init; }

    public string? PsslRoot { get; init; }

    public DatasetMode Mode { get; init; } = DatasetMode.Train;

    /// <summary>Accepted and ignored, as in PaddleSeg (no edge map is produced).</summary>
    public bool Edge { get; init; }
}
