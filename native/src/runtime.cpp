// Library-wide state: versions, threads, random seeds, devices, grad modes and handle bookkeeping.
#include "seg_api.h"

#include <ATen/Parallel.h>
#include <torch/version.h>

#include <opencv2/core/version.hpp>

#include <cstring>

namespace seg {
at::ScalarType dtype(int32_t code) {
  switch (code) {
    case 0: return at::kByte;
    case 1: return at::kChar;
    case 2: return at::kShort;
    case 3: return at::kInt;
    case 4: return at::kLong;
    case 5: return at::kHalf;
    case 6: return at::kFloat;
    case 7: return at::kDouble;
    case 11: return at::kBool;
    case 15: return at::kBFloat16;
    default: throw ArgumentError("unsupported dtype code " + std::to_string(code));
  }
}

at::Device device(int32_t type, int32_t index) {
  switch (type) {
    case 0: return at::Device(at::kCPU);
    case 1: return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
    default: throw ArgumentError("unsupported device type " + std::to_string(type));
  }
}

at::MemoryFormat memory_format(int32_t code) {
  switch (code) {
    case 0: return at::MemoryFormat::Contiguous;
    case 1: return at::MemoryFormat::Preserve;
    case 2: return at::MemoryFormat::ChannelsLast;
    default: throw ArgumentError("unsupported memory format " + std::to_string(code));
  }
}
}  // namespace seg

namespace {
void copy_string(const std::string& s, char* buf, int32_t cap) {
  if (cap <= 0) return;
  auto n = std::min(s.size(), static_cast<size_t>(cap - 1));
  std::memcpy(buf, s.data(), n);
  buf[n] = '\0';
}
}  // namespace

// The TORCH_VERSION this library was compiled against.
SEG_API(seg_torch_compiled_version, char* buf, int32_t cap) {
  SEG_GUARD(copy_string(TORCH_VERSION, buf, cap);)
}

// The OpenCV version this library was compiled against.
SEG_API(seg_opencv_version, char* buf, int32_t cap) {
  SEG_GUARD(copy_string(CV_VERSION, buf, cap);)
}

// Version of the ABI between libsegnative and Seg.Torch; bumped when a signature changes.
SEG_API(seg_abi_version, int32_t* out) {
  SEG_GUARD(*out = 1;)
}

SEG_API(seg_set_num_threads, int32_t n) {
  SEG_GUARD(
    if (n < 1) throw seg::ArgumentError("number of threads must be at least 1, got " + std::to_string(n));
    at::set_num_threads(n);
  )
}

SEG_API(seg_get_num_threads, int32_t* out) {
  SEG_GUARD(*out = at::get_num_threads();)
}

SEG_API(seg_set_num_interop_threads, int32_t n) {
  SEG_GUARD(at::set_num_interop_threads(n);)
}

SEG_API(seg_get_num_interop_threads, int32_t* out) {
  SEG_GUARD(*out = at::get_num_interop_threads();)
}

SEG_API(seg_parallel_info, char* buf, int32_t cap) {
  SEG_GUARD(copy_string(at::get_parallel_info(), buf, cap);)
}

// Seeds the CPU generator and every CUDA device, as torch.manual_seed does.
SEG_API(seg_manual_seed, int64_t seed) {
  SEG_GUARD(
    at::manual_seed(static_cast<uint64_t>(seed));
  )
}

SEG_API(seg_cuda_is_available, int32_t* out) {
  SEG_GUARD(*out = at::hasCUDA() ? 1 : 0;)
}

SEG_API(seg_cuda_device_count, int32_t* out) {
  SEG_GUARD(*out = at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0;)
}

SEG_API(seg_cuda_synchronize, int32_t index) {
  SEG_GUARD(
    if (!at::hasCUDA()) throw seg::ArgumentError("CUDA is not available in this libtorch");
    at::detail::getCUDAHooks().deviceSynchronize(static_cast<int64_t>(index));
  )
}

// Grad mode is thread-local in libtorch.
SEG_API(seg_grad_enabled, int32_t* out) {
  SEG_GUARD(*out = at::GradMode::is_enabled() ? 1 : 0;)
}

SEG_API(seg_set_grad_enabled, int32_t enabled) {
  SEG_GUARD(at::GradMode::set_enabled(enabled != 0);)
}

// Inference mode is an RAII guard; the handle must be freed on the thread that made it.
SEG_API(seg_inference_mode_enter, int32_t enabled, void** guard) {
  SEG_GUARD(*guard = new c10::InferenceMode(enabled != 0);)
}

SEG_API(seg_inference_mode_exit, void* guard) {
  SEG_GUARD(delete static_cast<c10::InferenceMode*>(guard);)
}

SEG_API(seg_inference_mode_enabled, int32_t* out) {
  SEG_GUARD(*out = c10::InferenceMode::is_enabled() ? 1 : 0;)
}

SEG_API(seg_live_handles, int64_t* out) {
  SEG_GUARD(*out = seg::live_handles.load();)
}

SEG_API(seg_tensor_free, TensorH t) {
  SEG_GUARD(
    if (t != nullptr) {
      delete t;
      seg::live_handles.fetch_sub(1, std::memory_order_relaxed);
    }
  )
}

// Frees the array that carried a tensor list (not the tensors: each has its own handle).
SEG_API(seg_handles_free, TensorH* arr) {
  SEG_GUARD(delete[] arr;)
}
