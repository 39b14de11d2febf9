namespace Seg.Torch.Native;

// Helpers for passing optional tensors and tensor lists to native calls.
internal static class NativeTensorArgs
{
    // An invalid handle marshals as a null pointer, which libsegnative reads as "None". It owns nothing.
    private static readonly TensorHandle None = new(IntPtr.Zero);

    internal static TensorHandle Optional(Tensor? t) => t?.handle ?? None;

    /// <summary>
    /// Pins the handles of <paramref name="tensors"/> (null entries become null pointers) for the
    /// duration of a native call: the returned lease must be disposed after the call.
    /// </summary>
    internal static HandleLease Lease(IReadOnlyList<Tensor?> tensors) => new(tensors);

    internal sealed class HandleLease : IDisposable
    {
        private readonly List<TensorHandle> added = [];

        internal HandleLease(IReadOnlyList<Tensor?> tensors)
        {
            Pointers = new IntPtr[tensors.Count];
            try
            {
                for (var i = 0; i < tensors.Count; i++)
                {
                    if (tensors[i] is not { } t) continue;
                    var ok = false;
                    t.handle.DangerousAddRef(ref ok);
                    if (ok) added.Add(t.handle);
                    Pointers[i] = t.handle.DangerousGetHandle();
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        internal IntPtr[] Pointers { get; }

        public void Dispose()
        {
            foreach (var h in added) h.DangerousRelease();
            added.Clear();
        }
    }
}
