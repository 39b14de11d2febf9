using Seg.Torch.Native;

namespace Seg.Torch.Distributed;

/// <summary>
/// c10d's TCPStore, the rendezvous of a process group: rank 0 is the server (it listens on host:port and waits
/// for world_size clients), every rank is a client. A port in use or an unreachable server is an error within
/// <c>timeout</c>.
/// </summary>
public sealed class TCPStore : IDisposable
{
    private IntPtr handle;

    public unsafe TCPStore(string host, int port, bool isServer, int worldSize, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (worldSize < 1) throw new ArgumentOutOfRangeException(nameof(worldSize), $"world size must be at least 1, got {worldSize}");
        var h = NativeText.Utf8(host)!;
        fixed (byte* p = h) NativeError.Check(LibSegNative.seg_dist_tcp_store_new(p, port, isServer ? 1 : 0, worldSize, (long)timeout.TotalMilliseconds, out handle));
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    internal IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle == IntPtr.Zero, this);
            return handle;
        }
    }

    public void Dispose()
    {
        if (handle == IntPtr.Zero) return;
        NativeError.Check(LibSegNative.seg_dist_store_free(handle));
        handle = IntPtr.Zero;
    }
}
