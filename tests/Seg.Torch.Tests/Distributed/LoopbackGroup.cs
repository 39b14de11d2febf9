using System.Net;
using System.Net.Sockets;
using Seg.Torch.Distributed;

namespace Seg.Torch.Tests.Distributed;

// Ranks of one Gloo group on 127.0.0.1, one thread each (every rank its own TCPStore client and transport).
internal static class LoopbackGroup
{
    internal static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    internal static ProcessGroup Join(int port, int rank, int worldSize, TimeSpan timeout)
    {
        using var store = new TCPStore("127.0.0.1", port, rank == 0, worldSize, timeout);
        return ProcessGroup.Create(store, "gloo", rank, worldSize, timeout, "127.0.0.1");
    }

    /// <summary>Runs <paramref name="body"/> on <paramref name="worldSize"/> ranks in parallel; their results, by rank.</summary>
    internal static T[] Run<T>(int worldSize, Func<ProcessGroup, T> body, double timeoutSeconds = 30)
    {
        var port = FreePort();
        var tasks = Enumerable.Range(0, worldSize).Select(rank => Task.Factory.StartNew(() =>
        {
            using var group = Join(port, rank, worldSize, TimeSpan.FromSeconds(timeoutSeconds));
            return body(group);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(tasks);
        return [.. tasks.Select(t => t.Result)];
    }
}
