using Seg.Core.Weights.Pickle;
using Seg.Torch;

namespace Seg.Core.Weights.Formats;

/// <summary>
/// Writes a state dict as <c>paddle.save</c> does (paddle.save / paddle.load): a pickle (protocol 4) of a dict name → numpy array, each
/// array in numpy's own form (<c>numpy.core.multiarray._reconstruct</c> then BUILD with shape, dtype and the raw
/// little-endian bytes), plus Paddle's <c>StructuredToParameterName@@</c> table. <c>paddle.load</c> and Python's
/// <c>pickle.load</c> with numpy read it.
/// </summary>
internal static class PdparamsWriter
{
    public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
    {
        var codes = tensors.Select(t => NumpyDtype.CodeOf(t.Value.dtype)).ToList(); // refuse before writing anything
        var w = new PickleWriter(stream);
        w.Proto(4);
        w.Op(PickleOp.EmptyDict);
        for (var i = 0; i < tensors.Count; i++)
        {
            var (name, tensor) = tensors[i];
            w.Str(name);
            Array(w, tensor, codes[i]);
            w.Op(PickleOp.SetItem);
        }
        w.Str("StructuredToParameterName@@");
        w.Op(PickleOp.EmptyDict);
        foreach (var (name, _) in tensors)
        {
            w.Str(name);
            w.Str(name);
            w.Op(PickleOp.SetItem);
        }
        w.Op(PickleOp.SetItem);
        w.Stop();
    }

    private static void Array(PickleWriter w, Tensor tensor, string code)
    {
        w.Global("numpy.core.multiarray", "_reconstruct");
        w.Tuple(3, () =>
        {
            w.Global("numpy", "ndarray");
            w.Ints([0]);
            w.Bytes("b"u8);
        });
        w.Op(PickleOp.Reduce);
        w.Tuple(5, () =>
        {
            w.Int(1);
            w.Ints(tensor.shape);
            Dtype(w, code);
            w.Bool(false);
            w.Bytes(tensor.ToBytes());
        });
        w.Op(PickleOp.Build);
    }

    private static void Dtype(PickleWriter w, string code)
    {
        w.Global("numpy", "dtype");
        w.Tuple(3, () =>
        {
            w.Str(code);
            w.Bool(false);
            w.Bool(true);
        });
        w.Op(PickleOp.Reduce);
        w.Tuple(8, () =>
        {
            w.Int(3);
            w.Str(code is "i1" or "u1" or "b1" ? "|" : "<");
            w.None();
            w.None();
            w.None();
            w.Int(-1);
            w.Int(-1);
            w.Int(0);
        });
        w.Op(PickleOp.Build);
    }
}
