namespace Seg.Core.Weights.Pickle;

/// <summary>A tensor of a <c>torch.save</c> zip: a strided view of a storage (checked to lie inside it).</summary>
internal sealed record TorchTensorRef(TorchStorageRef Storage, long Offset, long[] Size, long[] Stride);
