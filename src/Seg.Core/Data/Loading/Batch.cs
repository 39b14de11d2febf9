using Seg.Torch;

namespace Seg.Core.Data.Loading;

/// <summary>
/// A ready batch: images float32 [N, C, H, W], labels int64 [N, H, W] (null when the samples have no labels), and
/// per sample its dataset index, files and <see cref="TransInfo"/>. Owns its tensors.
/// </summary>
public sealed class Batch(Tensor images, Tensor? labels, IReadOnlyList<int> indices, IReadOnlyList<DatasetFiles> files, IReadOnlyList<IReadOnlyList<TransInfo>> transInfo) : IDisposable
{
    public Tensor Images { get; } = images;

    public Tensor? Labels { get; } = labels;

    public IReadOnlyList<int> Indices { get; } = indices;

    public IReadOnlyList<DatasetFiles> Files { get; } = files;

    public IReadOnlyList<IReadOnlyList<TransInfo>> TransInfo { get; } = transInfo;

    public int Count => Indices.Count;

    public void Dispose()
    {
        Images.Dispose();
        Labels?.Dispose();
    }
}
