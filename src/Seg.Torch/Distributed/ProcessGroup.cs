using Seg.Torch.Native;

namespace Seg.Torch.Distributed;

/// <summary>
/// A c10d process group (Gloo on CPU, NCCL on CUDA). Every collective is synchronous and waits at most
/// <see cref="Timeout"/>: a peer that died or never came makes it throw a <see cref="TorchException"/>
/// instead of hanging. Tensors must be contiguous, on the group's device, and of the same shape on every rank.
/// </summary>
public sealed class ProcessGroup : IDisposable
{
    private IntPtr handle;

    private ProcessGroup(IntPtr handle, string backend, TimeSpan timeout)
    {
        this.handle = handle;
        Backend = backend;
        Timeout = timeout;
        NativeError.Check(LibSegNative.seg_dist_group_rank_size(handle, out var rank, out var size));
        Rank = rank;
        WorldSize = size;
    }

    public string Backend { get; }

    public int Rank { get; }

    public int WorldSize { get; }

    public TimeSpan Timeout { get; }

    /// <summary>
    /// A group of <paramref name="worldSize"/> ranks meeting at <paramref name="store"/>. <paramref name="backend"/>:
    /// "gloo" or "nccl". <paramref name="bindAddress"/> (Gloo only): the address this rank's transport binds to
    /// (null: GLOO_SOCKET_IFNAME's interface, else the host's default).
    /// </summary>
    public static unsafe ProcessGroup Create(TCPStore store, string backend, int rank, int worldSize, TimeSpan timeout, string? bindAddress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ms = (long)timeout.TotalMilliseconds;
        IntPtr group;
        switch (backend)
        {
            case "gloo":
                var h = NativeText.Utf8(bindAddress);
                fixed (byte* p = h) NativeError.Check(LibSegNative.seg_dist_gloo_new(store.Handle, rank, worldSize, p, ms, out group));
                break;
            case "nccl":
                NativeError.Check(LibSegNative.seg_dist_nccl_new(store.Handle, rank, worldSize, ms, out group));
                break;
            default:
                throw new ArgumentException($"unknown distributed backend '{backend}'; allowed: gloo, nccl", nameof(backend));
        }
        return new ProcessGroup(group, backend, timeout);
    }

    /// <summary>
    /// Batch norm with statistics over every rank's batch in training (and their gradients in backward); running
    /// statistics as plain batch norm in eval. Every rank must call it in the same order.
    /// </summary>
    public Tensor sync_batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight, Tensor? bias, bool training, double momentum, double eps)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rc = LibSegNative.seg_sync_batch_norm(Handle, TensorList.HandleOf(input), TensorList.HandleOf(running_mean), TensorList.HandleOf(running_var),
            TensorList.HandleOf(weight), TensorList.HandleOf(bias), training ? 1 : 0, momentum, eps, TimeoutMs, out var result);
        GC.KeepAlive(input);
        GC.KeepAlive(running_mean);
        GC.KeepAlive(running_var);
        GC.KeepAlive(weight);
        GC.KeepAlive(bias);
        return Tensor.Result(rc, result);
    }

    /// <summary>Reduces each tensor in place across ranks (every rank ends with the result).</summary>
    public unsafe void all_reduce(IReadOnlyList<Tensor> tensors, ReduceOp op = ReduceOp.SUM) => Collective(tensors, (p, n) => LibSegNative.seg_dist_all_reduce(Handle, p, n, (int)op, TimeoutMs));

    public void all_reduce(Tensor tensor, ReduceOp op = ReduceOp.SUM) => all_reduce([tensor], op);

    /// <summary>Overwrites each tensor with rank <paramref name="src"/>'s.</summary>
    public unsafe void broadcast(IReadOnlyList<Tensor> tensors, int src = 0) => Collective(tensors, (p, n) => LibSegNative.seg_dist_broadcast(Handle, p, n, src, TimeoutMs));

    public void broadcast(Tensor tensor, int src = 0) => broadcast([tensor], src);

    /// <summary>Fills <paramref name="outputs"/>[r] with rank r's <paramref name="input"/> (world size outputs of its shape).</summary>
    public unsafe void all_gather(IReadOnlyList<Tensor> outputs, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var inputHandle = TensorList.HandleOf(input);
        Collective(outputs, (p, n) => LibSegNative.seg_dist_all_gather(Handle, p, n, inputHandle, TimeoutMs));
        GC.KeepAlive(input);
    }

    public void barrier() => NativeError.Check(LibSegNative.seg_dist_barrier(Handle, TimeoutMs));

    public void Dispose()
    {
        if (handle == IntPtr.Zero) return;
        NativeError.Check(LibSegNative.seg_dist_group_free(handle));
        handle = IntPtr.Zero;
    }

    private IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
            return handle;
        }
    }

    internal long TimeoutMs => (long)Timeout.TotalMilliseconds;

    internal IntPtr NativeHandle => Handle;

    private unsafe delegate int NativeCollective(IntPtr* tensors, int n);

    private static unsafe void Collective(IReadOnlyList<Tensor> tensors, NativeCollective call)
    {
        var hs = TensorList.Handles(tensors, nameof(tensors));
        if (hs.Contains(IntPtr.Zero)) throw new ArgumentException("tensor list contains null", nameof(tensors));
        int rc;
        fixed (IntPtr* p = hs) rc = call(p, hs.Length);
        GC.KeepAlive(tensors);
        NativeError.Check(rc);
    }
}
