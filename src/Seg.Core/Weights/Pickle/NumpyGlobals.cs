namespace Seg.Core.Weights.Pickle;

/// <summary>
/// The allowlist of a Paddle <c>.pdparams</c> file (paddle.save in python/paddle/framework/io.py: a pickle of name → numpy array): numpy's array
/// reconstruction (<c>_reconstruct</c> + BUILD for protocols 2-4, <c>_frombuffer</c> for protocol 5, <c>scalar</c>),
/// <c>numpy.dtype</c>, <c>_codecs.encode</c> and <c>bytes</c> (protocol 2's way of storing bytes), and OrderedDict.
/// Each is implemented here over plain data; numpy itself is never involved.
/// </summary>
internal sealed class NumpyGlobals : AllowedGlobals
{
    private const string Reconstruct = "_reconstruct";
    private const string FromBuffer = "_frombuffer";

    public static readonly NumpyGlobals Instance = new();

    private NumpyGlobals()
        : base("a .pdparams file", [
            "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct", "numpy.ndarray", "numpy.dtype",
            "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer", "numpy.core.multiarray.scalar",
            "numpy._core.multiarray.scalar", "_codecs.encode", "builtins.bytes", "__builtin__.bytes"])
    {
    }

    protected override object? CallAllowed(PyGlobal callable, PyTuple args) => callable.Name switch
    {
        Reconstruct => args is { Count: 3 } && args[0] is PyGlobal { Name: "ndarray" } ? new PendingArray() : throw BadArgs(callable, "(numpy.ndarray, (0,), b'b')", args),
        "dtype" => args is { Count: 3, Items: [string code, bool, bool] } ? NumpyDtype.FromCode(code) : throw BadArgs(callable, "(code, False, True)", args),
        FromBuffer => FromBufferArray(callable, args),
        "scalar" => args is { Count: 2, Items: [NumpyDtype dtype, PyBytes raw] } ? NumpyArray.Of(dtype, [], false, raw.Data) : throw BadArgs(callable, "(dtype, bytes)", args),
        "encode" => args is { Count: 2, Items: [var text, "latin1"] } ? new PyBytes(Latin1Bytes(text)) : throw BadArgs(callable, "(str, 'latin1')", args),
        "bytes" => args.Count == 0 ? new PyBytes(ReadOnlyMemory<byte>.Empty) : throw BadArgs(callable, "()", args),
        _ => throw new PickleRefusal($"{callable.FullName} may be named but not called", callable.FullName),
    };

    protected override object? BuildAllowed(object? target, object? state) => target switch
    {
        PendingArray => BuildArray(state),
        NumpyDtype dtype => BuildDtype(dtype, state),
        _ => base.BuildAllowed(target, state),
    };

    private static NumpyArray FromBufferArray(PyGlobal callable, PyTuple args)
    {
        if (args is not { Count: 4, Items: [PyBytes raw, NumpyDtype dtype, PyTuple shape, string order] } || order is not ("C" or "F"))
            throw BadArgs(callable, "(buffer, dtype, shape, 'C' or 'F')", args);
        return NumpyArray.Of(dtype, Dims(shape), order == "F", raw.Data);
    }

    // ndarray.__setstate__: (version, shape, dtype, is_fortran, raw) or, before version 1, the same without the version.
    private static NumpyArray BuildArray(object? state)
    {
        var items = state is PyTuple t ? t.Items : [];
        if (items.Length == 5) items = items[1..];
        if (items is not [PyTuple shape, NumpyDtype dtype, bool fortran, var raw])
            throw new PickleRefusal($"a numpy array built from {PickleMachine.Describe(state)} instead of (version, shape, dtype, is_fortran, data)");
        if (raw is not PyBytes bytes)
            throw new PickleRefusal($"a numpy array whose data is {PickleMachine.Describe(raw)}: object arrays are not weights");
        return NumpyArray.Of(dtype, Dims(shape), fortran, bytes.Data);
    }

    // dtype.__setstate__: (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata]).
    private static NumpyDtype BuildDtype(NumpyDtype dtype, object? state)
    {
        if (state is not PyTuple { Count: >= 5 } t || t[1] is not string order)
            throw new PickleRefusal($"numpy.dtype built from {PickleMachine.Describe(state)}");
        if (t[2] is not null || t[3] is not null || t[4] is not null)
            throw new PickleRefusal($"a structured or sub-array numpy dtype ('{dtype.Code}' with fields) is not a weights dtype");
        return order switch
        {
            "<" or "|" or "=" => dtype with { BigEndian = false },
            ">" => dtype with { BigEndian = dtype.ItemSize > 1 },
            _ => throw new PickleRefusal($"numpy byte order '{order}'"),
        };
    }

    private static long[] Dims(PyTuple shape) =>
        shape.Items.Select(d => d is long n ? n : throw new PickleRefusal($"an array shape holds {PickleMachine.Describe(d)} instead of an int")).ToArray();

    // _codecs.encode(str, 'latin1'): every code point must be below 256, one byte each.
    private static ReadOnlyMemory<byte> Latin1Bytes(object? text)
    {
        if (text is string s)
        {
            if (s.Any(c => c > 0xFF)) throw new PickleRefusal("_codecs.encode: a str with characters beyond latin-1", "_codecs.encode");
            return System.Text.Encoding.Latin1.GetBytes(s);
        }
        if (text is not PyLongText longText) throw new PickleRefusal($"_codecs.encode of {PickleMachine.Describe(text)}", "_codecs.encode");
        var utf8 = longText.Utf8.Span;
        var result = new byte[utf8.Length]; // latin-1 never needs more bytes than its UTF-8 form
        var n = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b < 0x80) result[n++] = b;
            else if ((b == 0xC2 || b == 0xC3) && i + 1 < utf8.Length && (utf8[i + 1] & 0xC0) == 0x80) result[n++] = (byte)(((b & 0x03) << 6) | (utf8[++i] & 0x3F));
            else throw new PickleRefusal("_codecs.encode: a str with characters beyond latin-1 (or invalid UTF-8)", "_codecs.encode");
        }
        return result.AsMemory(0, n);
    }

    /// <summary>What <c>_reconstruct</c> returns: an empty ndarray that the following BUILD fills.</summary>
    private sealed class PendingArray;
}
