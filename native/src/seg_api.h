// Common header of libsegnative: the export/guard macros every entry point uses, handle types and
// the helpers that turn C arguments into ATen values. Precompiled (see CMakeLists.txt).
#pragma once

#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <c10/util/Exception.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

// A heap at::Tensor: one reference on the TensorImpl per managed handle.
typedef at::Tensor* TensorH;

// Declares an exported C entry point. Every entry point returns 0 on success or a non-zero error
// kind, and is `noexcept`: an exception that escaped SEG_GUARD would terminate the process instead
// of unwinding into .NET (which is undefined behaviour).
#define SEG_API(name, ...) \
  extern "C" __attribute__((visibility("default"))) int name(__VA_ARGS__) noexcept

// The one catch-all guard. The body of every SEG_API function is exactly SEG_GUARD( ... ); a test
// (ExportGuardTests) checks this for every exported symbol.
#define SEG_GUARD(...)                         \
  try {                                        \
    __VA_ARGS__                                \
    return 0;                                  \
  } catch (const c10::Error& e) {              \
    return seg::record_error(e);               \
  } catch (const std::exception& e) {          \
    return seg::record_error(e);               \
  } catch (...) {                              \
    return seg::record_unknown_error();        \
  }

namespace seg {

// Error kinds shared with Seg.Torch (TorchErrorKind).
enum ErrorKind : int {
  kOk = 0,
  kTorchError = 1,
  kIndexError = 2,
  kValueError = 3,
  kTypeError = 4,
  kNotImplemented = 5,
  kOutOfMemory = 6,
  kLinAlgError = 7,
  kStdException = 8,
  kUnknown = 9,
  kArgument = 10,
};

int record_error(const c10::Error& e) noexcept;
int record_error(const std::exception& e) noexcept;
int record_unknown_error() noexcept;

// Raised by our own argument checks; reported as kArgument.
struct ArgumentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

extern std::atomic<int64_t> live_handles;

inline TensorH wrap(at::Tensor t) {
  auto* h = new at::Tensor(std::move(t));
  live_handles.fetch_add(1, std::memory_order_relaxed);
  return h;
}

inline const at::Tensor& ref(TensorH h) {
  if (h == nullptr) throw ArgumentError("null tensor handle");
  return *h;
}

// Optional tensor argument: a null handle means "none".
inline c10::optional<at::Tensor> opt(TensorH h) {
  if (h == nullptr) return c10::nullopt;
  return *h;
}

inline at::IntArrayRef ints(const int64_t* p, int32_t n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> tensors(const TensorH* hs, int32_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) v.push_back(ref(hs[i]));
  return v;
}

// Scalars cross the ABI by value: kind 0 = floating point (d), 1 = integer (i), 2 = bool (i != 0).
inline at::Scalar scalar(double d, int64_t i, int32_t kind) {
  switch (kind) {
    case 0: return at::Scalar(d);
    case 1: return at::Scalar(i);
    case 2: return at::Scalar(i != 0);
    default: throw ArgumentError("unknown scalar kind " + std::to_string(kind));
  }
}

at::ScalarType dtype(int32_t code);
at::Device device(int32_t type, int32_t index);
at::MemoryFormat memory_format(int32_t code);

// Tensor lists are returned as a new[]'d array of handles, freed with seg_handles_free.
inline void return_list(const std::vector<at::Tensor>& ts, TensorH** out, int64_t* count) {
  auto* arr = new TensorH[ts.size()];
  for (size_t i = 0; i < ts.size(); ++i) arr[i] = wrap(ts[i]);
  *out = arr;
  *count = static_cast<int64_t>(ts.size());
}

}  // namespace seg
