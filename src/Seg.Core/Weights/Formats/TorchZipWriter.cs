using System.IO.Compression;
using Seg.Core.Weights.Pickle;
using Seg.Torch;

namespace Seg.Core.Weights.Formats;

/// <summary>
/// Writes a state dict as <c>torch.save</c> does: a stored (uncompressed) zip with <c>archive/data.pkl</c> (protocol 2:
/// an OrderedDict of <c>torch._utils._rebuild_tensor_v2</c> calls over persistent-id storages), one
/// <c>archive/data/{i}</c> record per tensor, and <c>archive/version</c>. <c>torch.load(weights_only=True)</c> reads it.
/// </summary>
internal static class TorchZipWriter
{
    private static readonly Dictionary<ScalarType, string> StorageNames = new()
    {
        [ScalarType.Float32] = "FloatStorage", [ScalarType.Float64] = "DoubleStorage", [ScalarType.Float16] = "HalfStorage",
        [ScalarType.BFloat16] = "BFloat16Storage", [ScalarType.Int64] = "LongStorage", [ScalarType.Int32] = "IntStorage",
        [ScalarType.Int16] = "ShortStorage", [ScalarType.Int8] = "CharStorage", [ScalarType.Byte] = "ByteStorage",
        [ScalarType.Bool] = "BoolStorage",
    };

    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var pickle = zip.CreateEntry("archive/data.pkl", CompressionLevel.NoCompression).Open())
            WritePickle(pickle, tensors);
        for (var i = 0; i < tensors.Count; i++)
        {
            using var record = zip.CreateEntry($"archive/data/{i}", CompressionLevel.NoCompression).Open();
            record.Write(tensors[i].Value.ToBytes());
        }
        using (var version = zip.CreateEntry("archive/version", CompressionLevel.NoCompression).Open())
            version.Write("3\n"u8);
    }

    private static void WritePickle(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        var w = new PickleWriter(stream);
        w.Proto(2);
        w.EmptyOrderedDict();
        if (tensors.Count > 0) w.Mark();
        for (var i = 0; i < tensors.Count; i++)
        {
            var (name, tensor) = tensors[i];
            var storage = StorageNames.TryGetValue(tensor.dtype, out var s) ? s : throw new NotSupportedException($"{name}: {tensor.dtype} has no PyTorch storage type");
            var shape = tensor.shape;
            w.Str(name);
            w.Global("torch._utils", "_rebuild_tensor_v2");
            w.Tuple(6, () =>
            {
                w.Tuple(5, () =>
                {
                    w.Str("storage");
                    w.Global("torch", storage);
                    w.Str(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.Str("cpu");
                    w.Int(shape.Aggregate(1L, (a, b) => a * b));
                });
                w.Op(PickleOp.BinPersId);
                w.Int(0);
                w.Ints(shape);
                w.Ints(RowMajorStrides(shape));
                w.Bool(false);
                w.EmptyOrderedDict();
            });
            w.Op(PickleOp.Reduce);
        }
        if (tensors.Count > 0) w.Op(PickleOp.SetItems);
        w.Stop();
    }

    private static long[] RowMajorStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long step = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = step;
            step *= Math.Max(shape[d], 1);
        }
        return strides;
    }
}
