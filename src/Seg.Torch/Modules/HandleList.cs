namespace Seg.Torch.Modules;

/// <summary>Passes the native handles of a tensor list to one bulk native call (keeping the tensors alive).</summary>
internal static class HandleList
{
    internal unsafe delegate int Native(IntPtr* handles, int count);

    internal static unsafe void Call(IReadOnlyList<Tensor> tensors, Native call)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle;
        fixed (IntPtr* p = handles) Tensor.Check(call(p, handles.Length));
        GC.KeepAlive(tensors);
    }
}
