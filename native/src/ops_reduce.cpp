// Reductions (one switch over ReduceOp, mirrored by Seg.Torch), value+index reductions, sorting,
// counting and nonzero.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

namespace {
enum ReduceOp : int32_t {
  kSum = 0, kMean = 1, kProd = 2, kStd = 3, kVar = 4, kMax = 5, kMin = 6, kAny = 7, kAll = 8,
  kArgmax = 9, kArgmin = 10, kCumsum = 11, kLogsumexp = 12, kAmax = 13, kAmin = 14,
};

c10::optional<at::ScalarType> opt_dtype(int32_t code) {
  if (code < 0) return c10::nullopt;
  return seg::dtype(code);
}

at::Tensor reduce_all(int32_t op, const at::Tensor& t, c10::optional<at::ScalarType> dt, bool unbiased) {
  switch (op) {
    case kSum: return at::sum(t, dt);
    case kMean: return at::mean(t, dt);
    case kProd: return at::prod(t, dt);
    case kStd: return at::std(t, unbiased);
    case kVar: return at::var(t, unbiased);
    case kMax: return at::max(t);
    case kMin: return at::min(t);
    case kAny: return at::any(t);
    case kAll: return at::all(t);
    case kArgmax: return at::argmax(t);
    case kArgmin: return at::argmin(t);
    default: throw seg::ArgumentError("reduction " + std::to_string(op) + " needs a dim");
  }
}

int64_t single(at::IntArrayRef dims, const char* name) {
  if (dims.size() != 1) throw seg::ArgumentError(std::string(name) + " takes exactly one dim");
  return dims[0];
}

at::Tensor reduce_dims(int32_t op, const at::Tensor& t, at::IntArrayRef dims, bool keepdim,
                       c10::optional<at::ScalarType> dt, bool unbiased) {
  switch (op) {
    case kSum: return at::sum(t, dims, keepdim, dt);
    case kMean: return at::mean(t, dims, keepdim, dt);
    case kProd: return at::prod(t, single(dims, "prod"), keepdim, dt);
    case kStd: return at::std(t, dims, unbiased, keepdim);
    case kVar: return at::var(t, dims, unbiased, keepdim);
    case kAny: return at::any(t, single(dims, "any"), keepdim);
    case kAll: return at::all(t, single(dims, "all"), keepdim);
    case kArgmax: return at::argmax(t, single(dims, "argmax"), keepdim);
    case kArgmin: return at::argmin(t, single(dims, "argmin"), keepdim);
    case kCumsum: return at::cumsum(t, single(dims, "cumsum"), dt);
    case kLogsumexp: return at::logsumexp(t, dims, keepdim);
    case kAmax: return at::amax(t, dims, keepdim);
    case kAmin: return at::amin(t, dims, keepdim);
    default: throw seg::ArgumentError("reduction " + std::to_string(op) + " has no dim form");
  }
}
}  // namespace

// has_dims == 0 reduces everything (dims ignored); dtype < 0 keeps the default result dtype.
SEG_API(seg_reduce, int32_t op, TensorH t, const int64_t* dims, int32_t ndims, int32_t has_dims, int32_t keepdim,
        int32_t dtype, int32_t unbiased, TensorH* out) {
  SEG_GUARD(
    auto dt = opt_dtype(dtype);
    *out = wrap(has_dims ? reduce_dims(op, ref(t), seg::ints(dims, ndims), keepdim != 0, dt, unbiased != 0)
                         : reduce_all(op, ref(t), dt, unbiased != 0));
  )
}

// op 0 max, 1 min along dim: values and indices.
SEG_API(seg_reduce_indexed, int32_t op, TensorH t, int64_t dim, int32_t keepdim, TensorH* values, TensorH* indices) {
  SEG_GUARD(
    const auto& x = ref(t);
    std::tuple<at::Tensor, at::Tensor> r;
    switch (op) {
      case 0: r = at::max(x, dim, keepdim != 0); break;
      case 1: r = at::min(x, dim, keepdim != 0); break;
      default: throw seg::ArgumentError("unknown indexed reduction " + std::to_string(op));
    }
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  )
}

SEG_API(seg_topk, TensorH t, int64_t k, int64_t dim, int32_t largest, int32_t sorted, TensorH* values, TensorH* indices) {
  SEG_GUARD(
    auto r = at::topk(ref(t), k, dim, largest != 0, sorted != 0);
    *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  )
}

// values may be null: then only the indices are returned (argsort).
SEG_API(seg_sort, TensorH t, int64_t dim, int32_t descending, int32_t stable, TensorH* values, TensorH* indices) {
  SEG_GUARD(
    auto r = at::sort(ref(t), c10::optional<bool>(stable != 0), dim, descending != 0);
    if (values != nullptr) *values = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  )
}

SEG_API(seg_bincount, TensorH t, TensorH weights, int64_t minlength, TensorH* out) {
  SEG_GUARD(*out = wrap(at::bincount(ref(t), seg::opt(weights), minlength));)
}

// torch.unique without dim (as Python, through _unique2); inverse and counts are null unless asked for.
SEG_API(seg_unique, TensorH t, int32_t sorted, int32_t return_inverse, int32_t return_counts, TensorH* values,
        TensorH* inverse, TensorH* counts) {
  SEG_GUARD(
    auto r = at::_unique2(ref(t), sorted != 0, return_inverse != 0, return_counts != 0);
    *values = wrap(std::get<0>(r));
    *inverse = return_inverse ? wrap(std::get<1>(r)) : nullptr;
    *counts = return_counts ? wrap(std::get<2>(r)) : nullptr;
  )
}

SEG_API(seg_nonzero, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(at::nonzero(ref(t)));)
}
