using Seg.Torch;

namespace Seg.Core.Weights.Pickle;

/// <summary>
/// The allowlist of a <c>torch.save</c> zip's <c>data.pkl</c>: <c>torch._utils._rebuild_tensor_v2</c> (and
/// <c>_rebuild_parameter</c>, a tensor marked as a parameter), the typed storage classes (named only inside a
/// persistent id), and OrderedDict. A persistent id <c>('storage', type, key, location, numel)</c> becomes a
/// <see cref="TorchStorageRef"/>; the bytes are read later from the zip and checked against it.
/// </summary>
internal sealed class TorchGlobals : AllowedGlobals
{
    private static readonly Dictionary<string, (ScalarType Type, int Size)> Storages = new()
    {
        ["FloatStorage"] = (ScalarType.Float32, 4), ["DoubleStorage"] = (ScalarType.Float64, 8), ["HalfStorage"] = (ScalarType.Float16, 2),
        ["BFloat16Storage"] = (ScalarType.BFloat16, 2), ["LongStorage"] = (ScalarType.Int64, 8), ["IntStorage"] = (ScalarType.Int32, 4),
        ["ShortStorage"] = (ScalarType.Int16, 2), ["CharStorage"] = (ScalarType.Int8, 1), ["ByteStorage"] = (ScalarType.Byte, 1),
        ["BoolStorage"] = (ScalarType.Bool, 1),
    };

    private readonly Dictionary<string, TorchStorageRef> storages = [];

    public TorchGlobals()
        : base("a PyTorch state dict", ["torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_parameter", .. Storages.Keys.Select(k => "torch." + k)])
    {
    }

    /// <summary>The storages the pickle named, by key.</summary>
    public IReadOnlyDictionary<string, TorchStorageRef> StoragesByKey => storages;

    public override object? PersistentLoad(object? pid)
    {
        if (pid is not PyTuple { Count: 5, Items: ["storage", PyGlobal type, string key, string, long numel] } || !Storages.TryGetValue(type.Name, out var info))
            throw new PickleRefusal($"persistent id {PickleMachine.Describe(pid)} is not ('storage', torch.<Type>Storage, key, location, numel)");
        if (numel < 0) throw new PickleRefusal($"storage {key} declares {numel} elements");
        var storage = new TorchStorageRef(key, info.Type, info.Size, numel);
        if (storages.TryGetValue(key, out var seen) && seen != storage)
            throw new PickleRefusal($"storage {key} is declared twice with different types or sizes");
        storages[key] = storage;
        return storage;
    }

    protected override object? CallAllowed(PyGlobal callable, PyTuple args) => callable.Name switch
    {
        "_rebuild_tensor_v2" => args is { Count: 6 or 7, Items: [TorchStorageRef storage, long offset, PyTuple size, PyTuple stride, bool, ..] }
            ? Tensor(storage, offset, Dims(size), Dims(stride))
            : throw BadArgs(callable, "(storage, offset, size, stride, requires_grad, hooks[, metadata])", args),
        "_rebuild_parameter" => args is { Count: 3, Items: [TorchTensorRef tensor, bool, ..] } ? tensor : throw BadArgs(callable, "(tensor, requires_grad, hooks)", args),
        _ => throw new PickleRefusal($"{callable.FullName} may be named but not called", callable.FullName),
    };

    private static TorchTensorRef Tensor(TorchStorageRef storage, long offset, long[] size, long[] stride)
    {
        if (size.Length != stride.Length) throw new PickleRefusal($"a tensor with {size.Length} sizes and {stride.Length} strides");
        if (offset < 0 || size.Any(s => s < 0) || stride.Any(s => s < 0)) throw new PickleRefusal("a tensor with a negative offset, size or stride");
        var count = NumpyArray.ElementCount(size);
        if (count > 0)
        {
            long last = offset;
            try
            {
                for (var i = 0; i < size.Length; i++) last = checked(last + (size[i] - 1) * stride[i]);
            }
            catch (OverflowException)
            {
                throw new PickleRefusal("a tensor whose strides overflow 64 bits");
            }
            if (last >= storage.ElementCount)
                throw new PickleRefusal($"a tensor of size ({string.Join(", ", size)}) at offset {offset} reaches element {last} of storage {storage.Key}, which holds {storage.ElementCount}");
        }
        return new TorchTensorRef(storage, offset, size, stride);
    }

    private static long[] Dims(PyTuple t) =>
        t.Items.Select(d => d is long n ? n : throw new PickleRefusal($"a tensor size or stride holds {PickleMachine.Describe(d)}")).ToArray();
}
