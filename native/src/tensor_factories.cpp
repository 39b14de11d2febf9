// Tensor factories: zeros, ones, full, empty, arange, rand, randn, randint and their *_like forms.
#include "seg_api.h"

using seg::wrap;

namespace {
at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad) {
  return at::TensorOptions()
      .dtype(seg::dtype(dtype))
      .device(seg::device(device_type, device_index))
      .requires_grad(requires_grad != 0);
}
}  // namespace

// kind: 0 zeros, 1 ones, 2 empty, 3 rand, 4 randn.
SEG_API(seg_factory, int32_t kind, const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
        int32_t device_index, int32_t requires_grad, TensorH* out) {
  SEG_GUARD(
    // requires_grad is set after creation: factories like rand refuse it for some dtypes otherwise.
    auto o = options(dtype, device_type, device_index, 0);
    auto s = seg::ints(shape, ndim);
    at::Tensor t;
    switch (kind) {
      case 0: t = at::zeros(s, o); break;
      case 1: t = at::ones(s, o); break;
      case 2: t = at::empty(s, o); break;
      case 3: t = at::rand(s, o); break;
      case 4: t = at::randn(s, o); break;
      default: throw seg::ArgumentError("unknown factory kind " + std::to_string(kind));
    }
    if (requires_grad) t.set_requires_grad(true);
    *out = wrap(std::move(t));
  )
}

SEG_API(seg_full, const int64_t* shape, int32_t ndim, double d, int64_t i, int32_t scalar_kind, int32_t dtype,
        int32_t device_type, int32_t device_index, int32_t requires_grad, TensorH* out) {
  SEG_GUARD(
    auto t = at::full(seg::ints(shape, ndim), seg::scalar(d, i, scalar_kind), options(dtype, device_type, device_index, 0));
    if (requires_grad) t.set_requires_grad(true);
    *out = wrap(std::move(t));
  )
}

SEG_API(seg_arange, double start, double end, double step, int32_t dtype, int32_t device_type,
        int32_t device_index, int32_t requires_grad, TensorH* out) {
  SEG_GUARD(
    auto st = seg::dtype(dtype);
    auto o = options(dtype, device_type, device_index, 0);
    at::Tensor t = at::isIntegralType(st, true)
        ? at::arange(static_cast<int64_t>(start), static_cast<int64_t>(end), static_cast<int64_t>(step), o)
        : at::arange(start, end, step, o);
    if (requires_grad) t.set_requires_grad(true);
    *out = wrap(std::move(t));
  )
}

SEG_API(seg_randint, int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t dtype,
        int32_t device_type, int32_t device_index, TensorH* out) {
  SEG_GUARD(*out = wrap(at::randint(low, high, seg::ints(shape, ndim), options(dtype, device_type, device_index, 0)));)
}

// kind as in seg_factory; dtype < 0 keeps the source's dtype.
SEG_API(seg_factory_like, int32_t kind, TensorH t, int32_t dtype, TensorH* out) {
  SEG_GUARD(
    const auto& x = seg::ref(t);
    auto o = x.options().dtype(dtype < 0 ? x.scalar_type() : seg::dtype(dtype));
    at::Tensor r;
    switch (kind) {
      case 0: r = at::zeros_like(x, o); break;
      case 1: r = at::ones_like(x, o); break;
      case 2: r = at::empty_like(x, o); break;
      case 3: r = at::rand_like(x, o); break;
      case 4: r = at::randn_like(x, o); break;
      default: throw seg::ArgumentError("unknown factory kind " + std::to_string(kind));
    }
    *out = wrap(std::move(r));
  )
}

SEG_API(seg_full_like, TensorH t, double d, int64_t i, int32_t scalar_kind, int32_t dtype, TensorH* out) {
  SEG_GUARD(
    const auto& x = seg::ref(t);
    auto o = x.options().dtype(dtype < 0 ? x.scalar_type() : seg::dtype(dtype));
    *out = wrap(at::full_like(x, seg::scalar(d, i, scalar_kind), o));
  )
}
