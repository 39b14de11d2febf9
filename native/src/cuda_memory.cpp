// CUDA caching-allocator statistics and cuDNN switches. Built with SEG_WITH_CUDA when the libtorch that
// CMake found has CUDA; otherwise the same exports exist, report 0 and do nothing, so the API is stable.
#include "seg_api.h"

#ifdef SEG_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAFunctions.h>
#endif

namespace {
#ifdef SEG_WITH_CUDA
// The aggregate pool (StatType::AGGREGATE) is index 0 of every stat array in every libtorch version.
constexpr size_t kAggregate = 0;

int device_index(int32_t index) {
  auto n = static_cast<int32_t>(c10::cuda::device_count());
  if (index < 0) return c10::cuda::current_device();
  if (index >= n)
    throw seg::ArgumentError("CUDA device " + std::to_string(index) + " does not exist (" + std::to_string(n) + " devices)");
  return index;
}
#endif

bool cuda_ready() {
#ifdef SEG_WITH_CUDA
  return at::hasCUDA();
#else
  return false;
#endif
}
}  // namespace

SEG_API(seg_cuda_compiled_with_cuda, int32_t* out) {
  SEG_GUARD(
#ifdef SEG_WITH_CUDA
    *out = 1;
#else
    *out = 0;
#endif
  )
}

// Releases the cached, unused blocks of the CUDA caching allocator (a no-op without CUDA).
SEG_API(seg_cuda_empty_cache, void) {
  SEG_GUARD(
#ifdef SEG_WITH_CUDA
    if (cuda_ready()) c10::cuda::CUDACachingAllocator::emptyCache();
#endif
  )
}

// Bytes held by tensors on `index` (-1: the current device): now and at the peak since the last reset.
SEG_API(seg_cuda_memory_stats, int32_t index, int64_t* allocated, int64_t* max_allocated, int64_t* reserved,
        int64_t* max_reserved) {
  SEG_GUARD(
    *allocated = *max_allocated = *reserved = *max_reserved = 0;
#ifdef SEG_WITH_CUDA
    if (cuda_ready()) {
      auto s = c10::cuda::CUDACachingAllocator::getDeviceStats(device_index(index));
      *allocated = s.allocated_bytes[kAggregate].current;
      *max_allocated = s.allocated_bytes[kAggregate].peak;
      *reserved = s.reserved_bytes[kAggregate].current;
      *max_reserved = s.reserved_bytes[kAggregate].peak;
    }
#endif
  )
}

SEG_API(seg_cuda_reset_peak_memory_stats, int32_t index) {
  SEG_GUARD(
#ifdef SEG_WITH_CUDA
    if (cuda_ready()) c10::cuda::CUDACachingAllocator::resetPeakStats(device_index(index));
#endif
  )
}

// torch.backends.cudnn.enabled / benchmark: process-wide flags of at::globalContext() (also kept on CPU builds).
SEG_API(seg_cudnn_flags, int32_t* enabled, int32_t* benchmark, int32_t* available) {
  SEG_GUARD(
    auto& ctx = at::globalContext();
    *enabled = ctx.userEnabledCuDNN() ? 1 : 0;
    *benchmark = ctx.benchmarkCuDNN() ? 1 : 0;
    *available = cuda_ready() && ctx.hasCuDNN() ? 1 : 0;
  )
}

SEG_API(seg_cudnn_set_enabled, int32_t enabled) {
  SEG_GUARD(at::globalContext().setUserEnabledCuDNN(enabled != 0);)
}

SEG_API(seg_cudnn_set_benchmark, int32_t benchmark) {
  SEG_GUARD(at::globalContext().setBenchmarkCuDNN(benchmark != 0);)
}
