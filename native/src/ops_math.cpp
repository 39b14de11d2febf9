// One-input math (one switch over UnaryOp, mirrored by Seg.Torch), clamp, softmax, fills,
// addcmul/addcdiv, lerp and the matrix products.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

namespace {
enum UnaryOp : int32_t {
  kNeg = 0, kExp = 1, kLog = 2, kLog2 = 3, kLog1p = 4, kSqrt = 5, kRsqrt = 6, kAbs = 7, kSign = 8,
  kFloor = 9, kCeil = 10, kRound = 11, kReciprocal = 12, kSigmoid = 13, kTanh = 14, kSin = 15, kCos = 16,
  kLogicalNot = 17, kIsnan = 18, kIsfinite = 19, kTrunc = 20, kLog10 = 21, kExpm1 = 22,
};

at::Tensor unary(int32_t op, const at::Tensor& t) {
  switch (op) {
    case kNeg: return at::neg(t);
    case kExp: return at::exp(t);
    case kLog: return at::log(t);
    case kLog2: return at::log2(t);
    case kLog1p: return at::log1p(t);
    case kSqrt: return at::sqrt(t);
    case kRsqrt: return at::rsqrt(t);
    case kAbs: return at::abs(t);
    case kSign: return at::sign(t);
    case kFloor: return at::floor(t);
    case kCeil: return at::ceil(t);
    case kRound: return at::round(t);
    case kReciprocal: return at::reciprocal(t);
    case kSigmoid: return at::sigmoid(t);
    case kTanh: return at::tanh(t);
    case kSin: return at::sin(t);
    case kCos: return at::cos(t);
    case kLogicalNot: return at::logical_not(t);
    case kIsnan: return at::isnan(t);
    case kIsfinite: return at::isfinite(t);
    case kTrunc: return at::trunc(t);
    case kLog10: return at::log10(t);
    case kExpm1: return at::expm1(t);
    default: throw seg::ArgumentError("unknown unary op " + std::to_string(op));
  }
}

void unary_(int32_t op, const at::Tensor& t) {
  switch (op) {
    case kNeg: t.neg_(); break;
    case kExp: t.exp_(); break;
    case kLog: t.log_(); break;
    case kLog2: t.log2_(); break;
    case kLog1p: t.log1p_(); break;
    case kSqrt: t.sqrt_(); break;
    case kRsqrt: t.rsqrt_(); break;
    case kAbs: t.abs_(); break;
    case kSign: t.sign_(); break;
    case kFloor: t.floor_(); break;
    case kCeil: t.ceil_(); break;
    case kRound: t.round_(); break;
    case kReciprocal: t.reciprocal_(); break;
    case kSigmoid: t.sigmoid_(); break;
    case kTanh: t.tanh_(); break;
    case kSin: t.sin_(); break;
    case kCos: t.cos_(); break;
    case kLogicalNot: t.logical_not_(); break;
    case kTrunc: t.trunc_(); break;
    case kLog10: t.log10_(); break;
    case kExpm1: t.expm1_(); break;
    default: throw seg::ArgumentError("unary op " + std::to_string(op) + " has no in-place form");
  }
}

// A scalar whose kind is negative is "none".
c10::optional<at::Scalar> opt_scalar(double d, int64_t i, int32_t kind) {
  if (kind < 0) return c10::nullopt;
  return seg::scalar(d, i, kind);
}

c10::optional<at::ScalarType> opt_dtype(int32_t code) {
  if (code < 0) return c10::nullopt;
  return seg::dtype(code);
}
}  // namespace

SEG_API(seg_unary, int32_t op, TensorH t, TensorH* out) {
  SEG_GUARD(*out = wrap(unary(op, ref(t)));)
}

SEG_API(seg_unary_, int32_t op, TensorH t) {
  SEG_GUARD(unary_(op, ref(t));)
}

// clamp(min?, max?): a bound whose kind is negative is absent. inplace != 0 leaves *out untouched.
SEG_API(seg_clamp, TensorH t, double lo_d, int64_t lo_i, int32_t lo_kind, double hi_d, int64_t hi_i,
        int32_t hi_kind, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    auto lo = opt_scalar(lo_d, lo_i, lo_kind);
    auto hi = opt_scalar(hi_d, hi_i, hi_kind);
    if (inplace) ref(t).clamp_(lo, hi);
    else *out = wrap(at::clamp(ref(t), lo, hi));
  )
}

// op 0 softmax, 1 log_softmax; dtype < 0 keeps the input's dtype.
SEG_API(seg_softmax, int32_t op, TensorH t, int64_t dim, int32_t dtype, TensorH* out) {
  SEG_GUARD(
    auto st = opt_dtype(dtype);
    *out = wrap(op == 0 ? at::softmax(ref(t), dim, st) : at::log_softmax(ref(t), dim, st));
  )
}

// op 0 matmul, 1 mm, 2 bmm, 3 dot, 4 outer.
SEG_API(seg_matmul, int32_t op, TensorH a, TensorH b, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(a);
    const auto& y = ref(b);
    at::Tensor r;
    switch (op) {
      case 0: r = at::matmul(x, y); break;
      case 1: r = at::mm(x, y); break;
      case 2: r = at::bmm(x, y); break;
      case 3: r = at::dot(x, y); break;
      case 4: r = at::outer(x, y); break;
      default: throw seg::ArgumentError("unknown matmul op " + std::to_string(op));
    }
    *out = wrap(std::move(r));
  )
}

SEG_API(seg_fill_, TensorH t, double d, int64_t i, int32_t kind) {
  SEG_GUARD(ref(t).fill_(seg::scalar(d, i, kind));)
}

SEG_API(seg_zero_, TensorH t) {
  SEG_GUARD(ref(t).zero_();)
}

// op 0: t + value * t1 * t2 (addcmul), 1: t + value * t1 / t2 (addcdiv).
SEG_API(seg_addcmul, int32_t op, TensorH t, TensorH t1, TensorH t2, double d, int64_t i, int32_t kind,
        int32_t inplace, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    auto v = seg::scalar(d, i, kind);
    if (op != 0 && op != 1) throw seg::ArgumentError("unknown addcmul op " + std::to_string(op));
    if (inplace) { op == 0 ? x.addcmul_(ref(t1), ref(t2), v) : x.addcdiv_(ref(t1), ref(t2), v); }
    else *out = wrap(op == 0 ? at::addcmul(x, ref(t1), ref(t2), v) : at::addcdiv(x, ref(t1), ref(t2), v));
  )
}

// t + weight * (end - t); weight is a tensor, or the scalar (d, i, kind) when null.
SEG_API(seg_lerp, TensorH t, TensorH end, TensorH weight, double d, int64_t i, int32_t kind, int32_t inplace,
        TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    const auto& e = ref(end);
    if (weight != nullptr) {
      if (inplace) x.lerp_(e, *weight);
      else *out = wrap(at::lerp(x, e, *weight));
    } else {
      auto w = seg::scalar(d, i, kind);
      if (inplace) x.lerp_(e, w);
      else *out = wrap(at::lerp(x, e, w));
    }
  )
}
