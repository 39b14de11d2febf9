// Thread-local error state: the message of the last failure on this thread, read by Seg.Torch.
#include "seg_api.h"

namespace {
thread_local std::string last_message;
thread_local std::string last_backtrace;
thread_local int last_kind = 0;

int store(int kind, std::string message, std::string backtrace) noexcept {
  try {
    last_message = std::move(message);
    last_backtrace = std::move(backtrace);
  } catch (...) {
    // Out of memory while recording: keep the kind, the message may be stale.
  }
  last_kind = kind;
  return kind;
}

int kind_of(const c10::Error& e) noexcept {
  if (dynamic_cast<const c10::IndexError*>(&e)) return seg::kIndexError;
  if (dynamic_cast<const c10::ValueError*>(&e)) return seg::kValueError;
  if (dynamic_cast<const c10::TypeError*>(&e)) return seg::kTypeError;
  if (dynamic_cast<const c10::NotImplementedError*>(&e)) return seg::kNotImplemented;
  if (dynamic_cast<const c10::OutOfMemoryError*>(&e)) return seg::kOutOfMemory;
  if (dynamic_cast<const c10::LinAlgError*>(&e)) return seg::kLinAlgError;
  return seg::kTorchError;
}
}  // namespace

namespace seg {
std::atomic<int64_t> live_handles{0};

int record_error(const c10::Error& e) noexcept {
  std::string bt;
  try { bt = e.backtrace(); } catch (...) {}
  return store(kind_of(e), e.what_without_backtrace(), std::move(bt));
}

int record_error(const std::exception& e) noexcept {
  if (dynamic_cast<const ArgumentError*>(&e)) return store(kArgument, e.what(), "");
  return store(kStdException, e.what(), "");
}

int record_unknown_error() noexcept { return store(kUnknown, "unknown C++ exception", ""); }
}  // namespace seg

// The message and backtrace of the last error on the calling thread. The pointers stay valid until
// the next failing call on this thread.
SEG_API(seg_last_error, int32_t* kind, const char** message, const char** backtrace) {
  SEG_GUARD(
    *kind = last_kind;
    *message = last_message.c_str();
    *backtrace = last_backtrace.c_str();
  )
}

// Throws on purpose (tests: a C++ exception of each kind becomes the matching .NET exception).
SEG_API(seg_debug_throw, int32_t what) {
  SEG_GUARD(
    switch (what) {
      case 0: TORCH_CHECK(false, "seg_debug_throw: c10::Error");
      case 1: TORCH_CHECK_INDEX(false, "seg_debug_throw: IndexError");
      case 2: throw std::runtime_error("seg_debug_throw: std::runtime_error");
      default: throw 42;
    }
  )
}
