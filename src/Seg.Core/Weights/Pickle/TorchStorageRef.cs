using Seg.Torch;

namespace Seg.Core.Weights.Pickle;

/// <summary>A storage of a <c>torch.save</c> zip named by a persistent id: record <c>data/{Key}</c>, its type and element count.</summary>
internal sealed record TorchStorageRef(string Key, ScalarType Type, int ItemSize, long ElementCount);
