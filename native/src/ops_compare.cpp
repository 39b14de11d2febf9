// Whole-tensor comparisons (equal, allclose) and mask-driven selection: where, masked_fill, masked_select.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

SEG_API(seg_equal, TensorH a, TensorH b, int32_t* out) {
  SEG_GUARD(*out = at::equal(ref(a), ref(b)) ? 1 : 0;)
}

SEG_API(seg_allclose, TensorH a, TensorH b, double rtol, double atol, int32_t equal_nan, int32_t* out) {
  SEG_GUARD(*out = at::allclose(ref(a), ref(b), rtol, atol, equal_nan != 0) ? 1 : 0;)
}

// where(cond, x, y): x and y are tensors, or the scalars beside them when their handle is null.
SEG_API(seg_where, TensorH cond, TensorH x, double xd, int64_t xi, int32_t xkind, TensorH y, double yd,
        int64_t yi, int32_t ykind, TensorH* out) {
  SEG_GUARD(
    const auto& c = ref(cond);
    at::Tensor r;
    if (x != nullptr && y != nullptr) r = at::where(c, *x, *y);
    else if (x != nullptr) r = at::where(c, *x, seg::scalar(yd, yi, ykind));
    else if (y != nullptr) r = at::where(c, seg::scalar(xd, xi, xkind), *y);
    else r = at::where(c, seg::scalar(xd, xi, xkind), seg::scalar(yd, yi, ykind));
    *out = wrap(std::move(r));
  )
}

// masked_fill with a tensor value (when value is not null) or the scalar; inplace leaves *out untouched.
SEG_API(seg_masked_fill, TensorH t, TensorH mask, TensorH value, double d, int64_t i, int32_t kind,
        int32_t inplace, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    const auto& m = ref(mask);
    if (value != nullptr) {
      if (inplace) x.masked_fill_(m, *value);
      else *out = wrap(at::masked_fill(x, m, *value));
    } else {
      auto s = seg::scalar(d, i, kind);
      if (inplace) x.masked_fill_(m, s);
      else *out = wrap(at::masked_fill(x, m, s));
    }
  )
}

SEG_API(seg_masked_select, TensorH t, TensorH mask, TensorH* out) {
  SEG_GUARD(*out = wrap(at::masked_select(ref(t), ref(mask)));)
}
