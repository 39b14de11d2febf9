// Tensor identity and metadata: shapes, dtype, device, copies in and out of .NET memory, conversions.
#include "seg_api.h"

#include <cstring>

using seg::ref;
using seg::wrap;

SEG_API(seg_tensor_alias, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(ref(t));)
}

SEG_API(seg_tensor_ndim, TensorH t, int32_t* out) {
  SEG_GUARD(*out = static_cast<int32_t>(ref(t).dim());)
}

// Shape into a caller buffer of `cap` entries; `ndim` receives the true rank.
SEG_API(seg_tensor_shape, TensorH t, int64_t* buf, int32_t cap, int32_t* ndim) {
  SEG_GUARD(
    auto sizes = ref(t).sizes();
    *ndim = static_cast<int32_t>(sizes.size());
    for (size_t i = 0; i < sizes.size() && static_cast<int32_t>(i) < cap; ++i) buf[i] = sizes[i];
  )
}

SEG_API(seg_tensor_strides, TensorH t, int64_t* buf, int32_t cap, int32_t* ndim) {
  SEG_GUARD(
    auto strides = ref(t).strides();
    *ndim = static_cast<int32_t>(strides.size());
    for (size_t i = 0; i < strides.size() && static_cast<int32_t>(i) < cap; ++i) buf[i] = strides[i];
  )
}

SEG_API(seg_tensor_numel, TensorH t, int64_t* out) {
  SEG_GUARD(*out = ref(t).numel();)
}

SEG_API(seg_tensor_dtype, TensorH t, int32_t* out) {
  SEG_GUARD(*out = static_cast<int32_t>(ref(t).scalar_type());)
}

SEG_API(seg_tensor_device, TensorH t, int32_t* type, int32_t* index) {
  SEG_GUARD(
    auto d = ref(t).device();
    *type = d.is_cuda() ? 1 : 0;
    if (!d.is_cpu() && !d.is_cuda()) throw seg::ArgumentError("tensor on an unsupported device: " + d.str());
    *index = d.has_index() ? d.index() : -1;
  )
}

SEG_API(seg_tensor_is_contiguous, TensorH t, int32_t memory_format, int32_t* out) {
  SEG_GUARD(*out = ref(t).is_contiguous(seg::memory_format(memory_format)) ? 1 : 0;)
}

SEG_API(seg_tensor_defined, TensorH t, int32_t* out) {
  SEG_GUARD(*out = ref(t).defined() ? 1 : 0;)
}

// A new tensor with a copy of `nbytes` bytes of host memory, interpreted as `dtype` with `shape`.
SEG_API(seg_tensor_from_data, const void* data, int64_t nbytes, const int64_t* shape, int32_t ndim,
        int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad, TensorH* out) {
  SEG_GUARD(
    auto st = seg::dtype(dtype);
    auto t = at::empty(seg::ints(shape, ndim), at::TensorOptions().dtype(st));
    auto expected = t.numel() * static_cast<int64_t>(t.element_size());
    if (expected != nbytes)
      throw seg::ArgumentError("data has " + std::to_string(nbytes) + " bytes but shape " +
                               c10::str(t.sizes()) + " of " + std::string(c10::toString(st)) + " needs " +
                               std::to_string(expected));
    if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
    auto dev = seg::device(device_type, device_index);
    if (!dev.is_cpu()) t = t.to(dev);
    if (requires_grad) t.set_requires_grad(true);
    *out = wrap(std::move(t));
  )
}

// Copies the tensor's elements (row-major, after moving to CPU) into a host buffer of `nbytes`.
SEG_API(seg_tensor_copy_to, TensorH t, void* data, int64_t nbytes) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    auto c = ref(t).to(at::kCPU).contiguous();
    auto have = c.numel() * static_cast<int64_t>(c.element_size());
    if (have != nbytes)
      throw seg::ArgumentError("tensor has " + std::to_string(have) + " bytes, buffer has " + std::to_string(nbytes));
    if (nbytes > 0) std::memcpy(data, c.data_ptr(), static_cast<size_t>(nbytes));
  )
}

// item() as double and int64 (the managed side converts to the requested type).
SEG_API(seg_tensor_item, TensorH t, double* d, int64_t* i) {
  SEG_GUARD(
    auto s = ref(t).item();
    if (s.isFloatingPoint()) {
      *d = s.toDouble();
      *i = static_cast<int64_t>(*d);
    } else if (s.isBoolean()) {
      *i = s.toBool() ? 1 : 0;
      *d = static_cast<double>(*i);
    } else {
      *i = s.toLong();
      *d = static_cast<double>(*i);
    }
  )
}

// to(): dtype < 0 keeps the dtype, device_type < 0 keeps the device, memory_format < 0 keeps the format.
SEG_API(seg_tensor_to, TensorH t, int32_t dtype, int32_t device_type, int32_t device_index,
        int32_t memory_format, int32_t non_blocking, int32_t copy, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    auto st = dtype < 0 ? x.scalar_type() : seg::dtype(dtype);
    auto dev = device_type < 0 ? x.device() : seg::device(device_type, device_index);
    c10::optional<at::MemoryFormat> mf;
    if (memory_format >= 0) mf = seg::memory_format(memory_format);
    *out = wrap(x.to(dev, st, non_blocking != 0, copy != 0, mf));
  )
}

SEG_API(seg_tensor_contiguous, TensorH t, int32_t memory_format, TensorH* out) {
  SEG_GUARD(*out = wrap(ref(t).contiguous(seg::memory_format(memory_format)));)
}

SEG_API(seg_tensor_clone, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(ref(t).clone());)
}

SEG_API(seg_tensor_detach, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(ref(t).detach());)
}

SEG_API(seg_tensor_detach_, TensorH t) {
  SEG_GUARD(ref(t).detach_();)
}

SEG_API(seg_tensor_requires_grad, TensorH t, int32_t* out) {
  SEG_GUARD(*out = ref(t).requires_grad() ? 1 : 0;)
}

SEG_API(seg_tensor_set_requires_grad, TensorH t, int32_t value) {
  SEG_GUARD(ref(t).set_requires_grad(value != 0);)
}

// The gradient, or a null handle when there is none.
SEG_API(seg_tensor_grad, TensorH t, TensorH* out) {
  SEG_GUARD(
    const auto& g = ref(t).grad();
    *out = g.defined() ? wrap(g) : nullptr;
  )
}

SEG_API(seg_tensor_set_grad, TensorH t, TensorH grad) {
  SEG_GUARD(ref(t).mutable_grad() = grad == nullptr ? at::Tensor() : ref(grad);)
}

SEG_API(seg_tensor_is_leaf, TensorH t, int32_t* out) {
  SEG_GUARD(*out = ref(t).is_leaf() ? 1 : 0;)
}

// Copies src into t in place (broadcasting, converting dtype and device).
SEG_API(seg_tensor_copy_, TensorH t, TensorH src, int32_t non_blocking) {
  SEG_GUARD(ref(t).copy_(ref(src), non_blocking != 0);)
}

// Replaces the data of t with that of src, keeping t's identity (used by load_state_dict and moves).
SEG_API(seg_tensor_set_data, TensorH t, TensorH src) {
  SEG_GUARD(ref(t).set_data(ref(src));)
}

SEG_API(seg_tensor_data_ptr, TensorH t, void** out) {
  SEG_GUARD(*out = ref(t).data_ptr();)
}

SEG_API(seg_tensor_element_size, TensorH t, int64_t* out) {
  SEG_GUARD(*out = static_cast<int64_t>(ref(t).element_size());)
}

// Human-readable rendering, as printed by libtorch.
SEG_API(seg_tensor_to_string, TensorH t, char* buf, int32_t cap, int32_t* needed) {
  SEG_GUARD(
    std::ostringstream ss;
    ss << ref(t);
    auto s = ss.str();
    *needed = static_cast<int32_t>(s.size() + 1);
    if (cap > 0) {
      auto n = std::min(s.size(), static_cast<size_t>(cap - 1));
      std::memcpy(buf, s.data(), n);
      buf[n] = '\0';
    }
  )
}
