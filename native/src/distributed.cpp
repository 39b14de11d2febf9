// c10d, libtorch's distributed engine: a TCPStore (server on rank 0), process groups (Gloo, and NCCL when
// this libtorch has it) and the collectives data-parallel training needs. Every collective waits for its
// work with a timeout, so a dead or missing peer becomes an error instead of a hang.
// Built with SEG_WITH_GLOO (USE_C10D_GLOO, Debian's libgloo-dev headers) and SEG_WITH_NCCL (USE_C10D_NCCL,
// a CUDA+NCCL libtorch); without them the same exports exist and report that the backend is not compiled in.
#include "seg_api.h"

#include <chrono>

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>
#ifdef SEG_WITH_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef SEG_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

typedef c10::intrusive_ptr<c10d::Store>* StoreH;
typedef c10::intrusive_ptr<c10d::ProcessGroup>* GroupH;

namespace {

const c10::intrusive_ptr<c10d::Store>& store_ref(StoreH h) {
  if (h == nullptr) throw seg::ArgumentError("null store handle");
  return *h;
}

const c10::intrusive_ptr<c10d::ProcessGroup>& group_ref(GroupH h) {
  if (h == nullptr) throw seg::ArgumentError("null process group handle");
  return *h;
}

std::chrono::milliseconds millis(int64_t ms) {
  if (ms <= 0) throw seg::ArgumentError("timeout must be positive, got " + std::to_string(ms) + " ms");
  return std::chrono::milliseconds(ms);
}

std::string what_of(const std::exception& e) {
  if (auto* c = dynamic_cast<const c10::Error*>(&e)) return c->what_without_backtrace();
  return e.what();
}

// Waits for a collective; a timeout or a failed peer becomes a c10::Error naming the operation.
void finish(const c10::intrusive_ptr<c10d::Work>& work, const char* op, int64_t timeout_ms) {
  try {
    work->wait(millis(timeout_ms));
  } catch (const std::exception& e) {
    TORCH_CHECK(false, "distributed ", op, " failed (timeout ", timeout_ms, " ms): ", what_of(e));
  }
}

c10d::ReduceOp reduce_op(int32_t op) {
  switch (op) {
    case 0: return c10d::ReduceOp::SUM;
    case 2: return c10d::ReduceOp::PRODUCT;
    case 3: return c10d::ReduceOp::MIN;
    case 4: return c10d::ReduceOp::MAX;
    default: throw seg::ArgumentError("unsupported reduce op " + std::to_string(op) + " (SUM 0, PRODUCT 2, MIN 3, MAX 4; Gloo has no AVG: divide by the world size)");
  }
}

// Every rank records its world size and compares it with rank 0's, so a mismatch is one clear error.
void check_world_size(const c10::intrusive_ptr<c10d::Store>& store, int rank, int size) {
  auto text = std::to_string(size);
  store->set("seg/world_size/" + std::to_string(rank), std::vector<uint8_t>(text.begin(), text.end()));
  auto zero = store->get("seg/world_size/0");
  std::string theirs(zero.begin(), zero.end());
  if (theirs != text)
    throw seg::ArgumentError("world size mismatch: rank " + std::to_string(rank) + " was started with WORLD_SIZE=" + text +
                             " but rank 0 with WORLD_SIZE=" + theirs);
}

void check_rank(int rank, int size) {
  if (size < 1) throw seg::ArgumentError("world size must be at least 1, got " + std::to_string(size));
  if (rank < 0 || rank >= size)
    throw seg::ArgumentError("rank " + std::to_string(rank) + " is not in [0, world size " + std::to_string(size) + ")");
}

}  // namespace

// Which backends this build has: 1 when compiled in.
SEG_API(seg_dist_backends, int32_t* gloo, int32_t* nccl) {
  SEG_GUARD(
#ifdef SEG_WITH_GLOO
    *gloo = 1;
#else
    *gloo = 0;
#endif
#ifdef SEG_WITH_NCCL
    *nccl = 1;
#else
    *nccl = 0;
#endif
  )
}

// A TCPStore at host:port; the server (rank 0) listens and waits for `world_size` clients, a client connects,
// retrying until `timeout_ms`.
SEG_API(seg_dist_tcp_store_new, const char* host, int32_t port, int32_t is_server, int32_t world_size, int64_t timeout_ms,
        StoreH* out) {
  SEG_GUARD(
    if (host == nullptr || *host == 0) throw seg::ArgumentError("the store needs a host (MASTER_ADDR)");
    if (port < 1 || port > 65535) throw seg::ArgumentError("port must be in 1..65535, got " + std::to_string(port));
    c10d::TCPStoreOptions opts;
    opts.port = static_cast<std::uint16_t>(port);
    opts.isServer = is_server != 0;
    opts.numWorkers = static_cast<std::size_t>(world_size);
    opts.waitWorkers = true;
    opts.timeout = millis(timeout_ms);
    try {
      auto store = c10::make_intrusive<c10d::TCPStore>(std::string(host), opts);
      *out = new c10::intrusive_ptr<c10d::Store>(store);
    } catch (const std::exception& e) {
      TORCH_CHECK(false, is_server ? "could not start the rendezvous store on " : "could not reach the rendezvous store at ", host, ":",
                  port, " within ", timeout_ms, " ms: ", what_of(e));
    }
  )
}

SEG_API(seg_dist_store_free, StoreH h) {
  SEG_GUARD(delete h;)
}

// A Gloo process group over `store`. `hostname` (may be null) is the address this rank's Gloo device binds to;
// null: the interface named by GLOO_SOCKET_IFNAME, else the host's default.
SEG_API(seg_dist_gloo_new, StoreH store, int32_t rank, int32_t size, const char* hostname, int64_t timeout_ms, GroupH* out) {
  SEG_GUARD(
    check_rank(rank, size);
    auto& s = store_ref(store);
    s->setTimeout(millis(timeout_ms));
    check_world_size(s, rank, size);
#ifdef SEG_WITH_GLOO
    auto opts = c10d::ProcessGroupGloo::Options::create(millis(timeout_ms));
    const char* iface = std::getenv("GLOO_SOCKET_IFNAME");
    if (hostname != nullptr && *hostname != 0) {
      opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(hostname));
    } else if (iface != nullptr && *iface != 0) {
      opts->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(iface));
    } else {
      opts->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
    }
    opts->threads = 2;
    auto pg = c10::make_intrusive<c10d::ProcessGroupGloo>(s, rank, size, opts);
    *out = new c10::intrusive_ptr<c10d::ProcessGroup>(pg);
#else
    throw seg::ArgumentError("this libsegnative was built without Gloo (install libgloo-dev and rebuild with scripts/bootstrap.sh)");
#endif
  )
}

// An NCCL process group (one CUDA device per rank); only in a build against a CUDA+NCCL libtorch.
SEG_API(seg_dist_nccl_new, StoreH store, int32_t rank, int32_t size, int64_t timeout_ms, GroupH* out) {
  SEG_GUARD(
    check_rank(rank, size);
    auto& s = store_ref(store);
    s->setTimeout(millis(timeout_ms));
    check_world_size(s, rank, size);
#ifdef SEG_WITH_NCCL
    auto opts = c10d::ProcessGroupNCCL::Options::create();
    opts->timeout = millis(timeout_ms);
    auto pg = c10::make_intrusive<c10d::ProcessGroupNCCL>(s, rank, size, opts);
    *out = new c10::intrusive_ptr<c10d::ProcessGroup>(pg);
#else
    throw seg::ArgumentError("NCCL is not available: this libsegnative was built against a libtorch without CUDA/NCCL (use backend gloo, or rebuild against a CUDA libtorch with SEG_LIBTORCH)");
#endif
  )
}

SEG_API(seg_dist_group_free, GroupH h) {
  SEG_GUARD(delete h;)
}

SEG_API(seg_dist_group_rank_size, GroupH h, int32_t* rank, int32_t* size) {
  SEG_GUARD(
    auto& g = group_ref(h);
    *rank = g->getRank();
    *size = g->getSize();
  )
}

// In-place reduction of every tensor across ranks (one collective over the list).
SEG_API(seg_dist_all_reduce, GroupH h, const TensorH* ts, int32_t n, int32_t op, int64_t timeout_ms) {
  SEG_GUARD(
    auto tensors = seg::tensors(ts, n);
    if (tensors.empty()) return 0;
    c10d::AllreduceOptions opts;
    opts.reduceOp = reduce_op(op);
    opts.timeout = millis(timeout_ms);
    auto& g = group_ref(h);
    for (auto& t : tensors) {
      std::vector<at::Tensor> one{t};
      finish(g->allreduce(one, opts), "all_reduce", timeout_ms);
    }
  )
}

// In-place broadcast of every tensor from rank `root`.
SEG_API(seg_dist_broadcast, GroupH h, const TensorH* ts, int32_t n, int32_t root, int64_t timeout_ms) {
  SEG_GUARD(
    auto tensors = seg::tensors(ts, n);
    auto& g = group_ref(h);
    if (root < 0 || root >= g->getSize()) throw seg::ArgumentError("broadcast source rank " + std::to_string(root) + " is not in the group");
    c10d::BroadcastOptions opts;
    opts.rootRank = root;
    opts.timeout = millis(timeout_ms);
    for (auto& t : tensors) {
      std::vector<at::Tensor> one{t};
      finish(g->broadcast(one, opts), "broadcast", timeout_ms);
    }
  )
}

// Gathers `input` from every rank into `outputs` (world size tensors of its shape and dtype).
SEG_API(seg_dist_all_gather, GroupH h, const TensorH* outputs, int32_t n, TensorH input, int64_t timeout_ms) {
  SEG_GUARD(
    auto& g = group_ref(h);
    if (n != g->getSize()) throw seg::ArgumentError("all_gather needs " + std::to_string(g->getSize()) + " output tensors, got " + std::to_string(n));
    std::vector<std::vector<at::Tensor>> outs{seg::tensors(outputs, n)};
    std::vector<at::Tensor> in{seg::ref(input)};
    c10d::AllgatherOptions opts;
    opts.timeout = millis(timeout_ms);
    finish(g->allgather(outs, in, opts), "all_gather", timeout_ms);
  )
}

SEG_API(seg_dist_barrier, GroupH h, int64_t timeout_ms) {
  SEG_GUARD(
    c10d::BarrierOptions opts;
    opts.timeout = millis(timeout_ms);
    finish(group_ref(h)->barrier(opts), "barrier", timeout_ms);
  )
}
