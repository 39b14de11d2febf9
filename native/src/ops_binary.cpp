// Elementwise binary operations (arithmetic, comparisons, logical, maximum/minimum), tensor⊕tensor,
// tensor⊕scalar and scalar⊕tensor, out of place and in place. One switch keeps the hot path (a + b)
// one call; the op codes are mirrored by Seg.Torch's BinaryOp enum.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

namespace {
enum BinaryOp : int32_t {
  kAdd = 0, kSub = 1, kMul = 2, kDiv = 3, kDivTrunc = 4, kDivFloor = 5, kRemainder = 6, kPow = 7,
  kEq = 8, kNe = 9, kLt = 10, kLe = 11, kGt = 12, kGe = 13,
  kLogicalAnd = 14, kLogicalOr = 15, kMaximum = 16, kMinimum = 17,
};

[[noreturn]] void unknown(int32_t op, const char* form) {
  throw seg::ArgumentError("binary op " + std::to_string(op) + " has no " + form + " form");
}

at::Tensor binary(int32_t op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case kAdd: return at::add(a, b);
    case kSub: return at::sub(a, b);
    case kMul: return at::mul(a, b);
    case kDiv: return at::div(a, b);
    case kDivTrunc: return at::div(a, b, "trunc");
    case kDivFloor: return at::div(a, b, "floor");
    case kRemainder: return at::remainder(a, b);
    case kPow: return at::pow(a, b);
    case kEq: return at::eq(a, b);
    case kNe: return at::ne(a, b);
    case kLt: return at::lt(a, b);
    case kLe: return at::le(a, b);
    case kGt: return at::gt(a, b);
    case kGe: return at::ge(a, b);
    case kLogicalAnd: return at::logical_and(a, b);
    case kLogicalOr: return at::logical_or(a, b);
    case kMaximum: return at::maximum(a, b);
    case kMinimum: return at::minimum(a, b);
    default: unknown(op, "tensor");
  }
}

void binary_(int32_t op, const at::Tensor& a, const at::Tensor& b) {
  switch (op) {
    case kAdd: a.add_(b); break;
    case kSub: a.sub_(b); break;
    case kMul: a.mul_(b); break;
    case kDiv: a.div_(b); break;
    case kDivTrunc: a.div_(b, "trunc"); break;
    case kDivFloor: a.div_(b, "floor"); break;
    case kRemainder: a.remainder_(b); break;
    case kPow: a.pow_(b); break;
    case kEq: a.eq_(b); break;
    case kNe: a.ne_(b); break;
    case kLt: a.lt_(b); break;
    case kLe: a.le_(b); break;
    case kGt: a.gt_(b); break;
    case kGe: a.ge_(b); break;
    case kLogicalAnd: a.logical_and_(b); break;
    case kLogicalOr: a.logical_or_(b); break;
    default: unknown(op, "in-place tensor");
  }
}

at::Tensor binary_scalar(int32_t op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case kAdd: return at::add(a, s);
    case kSub: return at::sub(a, s);
    case kMul: return at::mul(a, s);
    case kDiv: return at::div(a, s);
    case kDivTrunc: return at::div(a, s, "trunc");
    case kDivFloor: return at::div(a, s, "floor");
    case kRemainder: return at::remainder(a, s);
    case kPow: return at::pow(a, s);
    case kEq: return at::eq(a, s);
    case kNe: return at::ne(a, s);
    case kLt: return at::lt(a, s);
    case kLe: return at::le(a, s);
    case kGt: return at::gt(a, s);
    case kGe: return at::ge(a, s);
    default: unknown(op, "scalar");
  }
}

void binary_scalar_(int32_t op, const at::Tensor& a, const at::Scalar& s) {
  switch (op) {
    case kAdd: a.add_(s); break;
    case kSub: a.sub_(s); break;
    case kMul: a.mul_(s); break;
    case kDiv: a.div_(s); break;
    case kDivTrunc: a.div_(s, "trunc"); break;
    case kDivFloor: a.div_(s, "floor"); break;
    case kRemainder: a.remainder_(s); break;
    case kPow: a.pow_(s); break;
    case kEq: a.eq_(s); break;
    case kNe: a.ne_(s); break;
    case kLt: a.lt_(s); break;
    case kLe: a.le_(s); break;
    case kGt: a.gt_(s); break;
    case kGe: a.ge_(s); break;
    default: unknown(op, "in-place scalar");
  }
}

// scalar ⊕ tensor, as Python's reflected operators (__rsub__ is rsub, __rtruediv__ is
// reciprocal() * s, __rpow__ is pow(s, t)), so results match PyTorch bit for bit.
at::Tensor scalar_binary(int32_t op, const at::Scalar& s, const at::Tensor& t) {
  switch (op) {
    case kAdd: return at::add(t, s);
    case kMul: return at::mul(t, s);
    case kSub: return at::rsub(t, s);
    case kDiv: return at::mul(at::reciprocal(t), s);
    case kRemainder: return at::remainder(s, t);
    case kPow: return at::pow(s, t);
    default: unknown(op, "reflected scalar");
  }
}
}  // namespace

SEG_API(seg_binary, int32_t op, TensorH a, TensorH b, TensorH* out) {
  SEG_GUARD(*out = wrap(binary(op, ref(a), ref(b)));)
}

SEG_API(seg_binary_, int32_t op, TensorH a, TensorH b) {
  SEG_GUARD(binary_(op, ref(a), ref(b));)
}

SEG_API(seg_binary_scalar, int32_t op, TensorH a, double d, int64_t i, int32_t kind, TensorH* out) {
  SEG_GUARD(*out = wrap(binary_scalar(op, ref(a), seg::scalar(d, i, kind)));)
}

SEG_API(seg_binary_scalar_, int32_t op, TensorH a, double d, int64_t i, int32_t kind) {
  SEG_GUARD(binary_scalar_(op, ref(a), seg::scalar(d, i, kind));)
}

SEG_API(seg_scalar_binary, int32_t op, double d, int64_t i, int32_t kind, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(scalar_binary(op, seg::scalar(d, i, kind), ref(t)));)
}

// a + alpha * b (or a - alpha * b when subtract != 0); b is a tensor, or the scalar (bd, bi, bkind)
// when b is null. inplace != 0 updates a and leaves *out untouched.
SEG_API(seg_add_alpha, TensorH a, TensorH b, double bd, int64_t bi, int32_t bkind, double ad, int64_t ai,
        int32_t akind, int32_t subtract, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(a);
    auto alpha = seg::scalar(ad, ai, akind);
    if (b != nullptr) {
      const auto& y = *b;
      if (inplace) { subtract ? x.sub_(y, alpha) : x.add_(y, alpha); }
      else *out = wrap(subtract ? at::sub(x, y, alpha) : at::add(x, y, alpha));
    } else {
      auto y = seg::scalar(bd, bi, bkind);
      if (inplace) { subtract ? x.sub_(y, alpha) : x.add_(y, alpha); }
      else *out = wrap(subtract ? at::sub(x, y, alpha) : at::add(x, y, alpha));
    }
  )
}
