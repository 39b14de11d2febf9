using System.Globalization;
using Seg.Torch.Distributed;
using Seg.Torch.Native;
using ReduceOp = Seg.Torch.Distributed.ReduceOp;

namespace Seg.Torch;

public static partial class torch
{
    /// <summary>
    /// torch.distributed over c10d: one default process group per process, made by <see cref="init_process_group(string, int, int, string, int, TimeSpan?)"/>
    /// (or from torchrun's environment: RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT). Collectives are synchronous.
    /// </summary>
    public static class distributed
    {
        /// <summary>The timeout when none is given: a collective or the rendezvous fails after it instead of hanging.</summary>
        public static readonly TimeSpan default_pg_timeout = TimeSpan.FromMinutes(30);

        private static ProcessGroup? group;

        public static bool is_available() => is_gloo_available() || is_nccl_available();

        public static bool is_gloo_available()
        {
            NativeError.Check(LibSegNative.seg_dist_backends(out var gloo, out _));
            return gloo != 0;
        }

        public static bool is_nccl_available()
        {
            NativeError.Check(LibSegNative.seg_dist_backends(out _, out var nccl));
            return nccl != 0;
        }

        public static bool is_initialized() => group is not null;

        /// <summary>
        /// Joins a group of <paramref name="world_size"/> processes meeting at master_addr:master_port (rank 0 hosts the
        /// store there). On loopback masters the Gloo transport binds to 127.0.0.1.
        /// </summary>
        public static ProcessGroup init_process_group(string backend, int world_size, int rank, string master_addr, int master_port, TimeSpan? timeout = null)
        {
            if (group is not null) throw new InvalidOperationException("the default process group is already initialised; call destroy_process_group first");
            var t = timeout ?? default_pg_timeout;
            using var store = new TCPStore(master_addr, master_port, rank == 0, world_size, t);
            var bind = IsLoopback(master_addr) ? master_addr : null;
            group = ProcessGroup.Create(store, backend, rank, world_size, t, bind);
            return group;
        }

        /// <summary>torchrun's env:// initialisation: RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT.</summary>
        public static ProcessGroup init_process_group(string backend = "gloo", TimeSpan? timeout = null) =>
            init_process_group(backend, EnvInt("WORLD_SIZE"), EnvInt("RANK"), EnvText("MASTER_ADDR"), EnvInt("MASTER_PORT"), timeout);

        public static ProcessGroup get_default_group() => group ?? throw new InvalidOperationException("the default process group is not initialised; call init_process_group first");

        public static int get_rank() => group?.Rank ?? 0;

        public static int get_world_size() => group?.WorldSize ?? 1;

        public static void all_reduce(Tensor tensor, ReduceOp op = ReduceOp.SUM) => get_default_group().all_reduce(tensor, op);

        public static void broadcast(Tensor tensor, int src = 0) => get_default_group().broadcast(tensor, src);

        public static void all_gather(IReadOnlyList<Tensor> tensor_list, Tensor tensor) => get_default_group().all_gather(tensor_list, tensor);

        public static void barrier() => get_default_group().barrier();

        public static void destroy_process_group()
        {
            group?.Dispose();
            group = null;
        }

        private static bool IsLoopback(string host) => host == "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));

        private static string EnvText(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : throw new InvalidOperationException($"environment variable {name} is not set (env:// initialisation needs RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT)");

        private static int EnvInt(string name) =>
            int.TryParse(EnvText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new InvalidOperationException($"environment variable {name}='{Environment.GetEnvironmentVariable(name)}' is not an integer");
    }
}
