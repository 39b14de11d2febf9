using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Seg.Torch.Distributed;

namespace Seg.Torch.Tests.Distributed;

// c10d collectives over Gloo on loopback: two ranks, each with its own store client and transport.
public class CollectiveTests
{
    [Test]
    public void Gloo_is_compiled_in() => Assert.That(torch.distributed.is_gloo_available(), Is.True);

    [Test]
    public void All_reduce_sums_and_takes_the_max_across_ranks()
    {
        var results = LoopbackGroup.Run(2, g =>
        {
            using var sum = torch.tensor(new float[] { g.Rank + 1, 10 * (g.Rank + 1), -1 });
            using var max = torch.tensor(new long[] { g.Rank, -g.Rank });
            g.all_reduce(sum);
            g.all_reduce(max, ReduceOp.MAX);
            return (sum.data<float>().ToArray(), max.data<long>().ToArray());
        });
        foreach (var (sum, max) in results)
        {
            Assert.That(sum, Is.EqualTo(new float[] { 3, 30, -2 }));
            Assert.That(max, Is.EqualTo(new long[] { 1, 0 }));
        }
    }

    [Test]
    public void Broadcast_copies_rank_0s_tensors_and_all_gather_collects_every_rank()
    {
        var results = LoopbackGroup.Run(2, g =>
        {
            using var a = torch.full([2, 2], g.Rank == 0 ? 7.0 : -1.0);
            using var b = torch.arange(3).mul(g.Rank == 0 ? 1 : 5);
            g.broadcast([a, b], src: 0);
            using var mine = torch.tensor(new int[] { g.Rank, 100 + g.Rank });
            var outs = new[] { torch.zeros([2], ScalarType.Int32), torch.zeros([2], ScalarType.Int32) };
            g.all_gather(outs, mine);
            g.barrier();
            var gathered = outs.SelectMany(o => o.data<int>().ToArray()).ToArray();
            foreach (var o in outs) o.Dispose();
            return (a.data<float>().ToArray(), b.data<long>().ToArray(), gathered);
        });
        foreach (var (a, b, gathered) in results)
        {
            Assert.That(a, Is.EqualTo(new float[] { 7, 7, 7, 7 }));
            Assert.That(b, Is.EqualTo(new long[] { 0, 1, 2 }));
            Assert.That(gathered, Is.EqualTo(new[] { 0, 100, 1, 101 }));
        }
    }

    [Test]
    public void A_rank_that_never_joins_the_collective_is_a_timeout_error_not_a_hang()
    {
        var watch = Stopwatch.StartNew();
        var results = LoopbackGroup.Run(2, g =>
        {
            if (g.Rank == 1) return "";
            using var t = torch.ones([4]);
            var e = Assert.Throws<TorchException>(() => g.all_reduce(t))!;
            return e.Message;
        }, timeoutSeconds: 3);
        Assert.That(results[0], Does.Contain("all_reduce failed"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Mismatched_world_sizes_are_named()
    {
        var port = LoopbackGroup.FreePort();
        var timeout = TimeSpan.FromSeconds(4);
        var rank0 = Task.Factory.StartNew(() => Catch(() => LoopbackGroup.Join(port, 0, 2, timeout)), TaskCreationOptions.LongRunning);
        var rank1 = Task.Factory.StartNew(() => Catch(() => LoopbackGroup.Join(port, 1, 3, timeout)), TaskCreationOptions.LongRunning);
        Task.WaitAll(rank0, rank1);
        Assert.That(rank1.Result, Does.Contain("world size mismatch: rank 1 was started with WORLD_SIZE=3 but rank 0 with WORLD_SIZE=2"));
        Assert.That(rank0.Result, Is.Not.Empty, "rank 0 must fail too (its peer left)");
    }

    [Test]
    public void A_port_in_use_is_a_clear_error()
    {
        var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            var port = ((IPEndPoint)busy.LocalEndpoint).Port;
            var e = Assert.Throws<TorchException>(() => new TCPStore("127.0.0.1", port, true, 1, TimeSpan.FromSeconds(3)).Dispose())!;
            Assert.That(e.Message, Does.Contain($"could not start the rendezvous store on 127.0.0.1:{port}"));
        }
        finally
        {
            busy.Stop();
        }
    }

    [Test]
    public void An_unreachable_master_is_an_error_within_the_timeout()
    {
        var port = LoopbackGroup.FreePort();
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<TorchException>(() => new TCPStore("127.0.0.1", port, false, 2, TimeSpan.FromSeconds(2)).Dispose())!;
        Assert.That(e.Message, Does.Contain($"could not reach the rendezvous store at 127.0.0.1:{port} within 2000 ms"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    private static string Catch(Func<ProcessGroup> join)
    {
        try
        {
            join().Dispose();
            return "";
        }
        catch (Exception e) when (e is TorchException or ArgumentException)
        {
            return e.Message;
        }
    }
}
