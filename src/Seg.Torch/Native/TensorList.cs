namespace Seg.Torch.Native;

// Tensor lists across the C ABI: handle arrays going in, seg::return_list arrays coming out.
internal static class TensorList
{
    /// <summary>
    /// Wraps each handle of a list returned through seg::return_list in a Tensor and frees the array
    /// (not the handles, which the Tensors now own).
    /// </summary>
    internal static unsafe Tensor[] Read(int rc, IntPtr array, long count)
    {
        if (rc != 0) throw NativeError.Last(rc);
        try
        {
            var handles = (IntPtr*)array;
            var result = new Tensor[count];
            for (long k = 0; k < count; k++) result[k] = new Tensor(handles[k]);
            return result;
        }
        finally
        {
            NativeError.Check(LibSegNative.seg_handles_free(array));
        }
    }

    /// <summary>
    /// The native handles of <paramref name="tensors"/> (null entries stay null) for a call taking
    /// a handle array. Keep the tensors alive (GC.KeepAlive) until the call returns.
    /// </summary>
    internal static IntPtr[] Handles(IReadOnlyList<Tensor?> tensors, string paramName)
    {
        ArgumentNullException.ThrowIfNull(tensors, paramName);
        var result = new IntPtr[tensors.Count];
        for (var k = 0; k < result.Length; k++) result[k] = HandleOf(tensors[k]);
        return result;
    }

    /// <summary>The handle of an optional tensor argument (zero for null); throws when it was disposed.</summary>
    internal static IntPtr HandleOf(Tensor? t)
    {
        if (t is null) return IntPtr.Zero;
        ObjectDisposedException.ThrowIf(t.IsDisposed, t);
        return t.Handle;
    }
}
