// Views and reshapes, joins and splits, indexing (select/gather/scatter/index_put) and padding.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

// op 0 view, 1 reshape, 2 permute, 3 expand, 4 repeat, 5 flip, 6 broadcast_to.
SEG_API(seg_shape_list, int32_t op, TensorH t, const int64_t* sizes, int32_t n, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    auto s = seg::ints(sizes, n);
    at::Tensor r;
    switch (op) {
      case 0: r = x.view(s); break;
      case 1: r = x.reshape(s); break;
      case 2: r = x.permute(s); break;
      case 3: r = x.expand(s); break;
      case 4: r = x.repeat(s); break;
      case 5: r = x.flip(s); break;
      case 6: r = x.broadcast_to(s); break;
      default: throw seg::ArgumentError("unknown shape op " + std::to_string(op));
    }
    *out = wrap(std::move(r));
  )
}

// Dim-argument ops: 0 transpose(a, b), 1 t(), 2 flatten(a, b), 3 squeeze(), 4 squeeze(a), 5 unsqueeze(a),
// 6 narrow(a, b, c), 7 select(a, b), 8 slice(a, b, c, d), 9 movedim(a, b).
SEG_API(seg_shape_dims, int32_t op, TensorH t, int64_t a, int64_t b, int64_t c, int64_t d, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    at::Tensor r;
    switch (op) {
      case 0: r = x.transpose(a, b); break;
      case 1: r = x.t(); break;
      case 2: r = x.flatten(a, b); break;
      case 3: r = x.squeeze(); break;
      case 4: r = x.squeeze(a); break;
      case 5: r = x.unsqueeze(a); break;
      case 6: r = x.narrow(a, b, c); break;
      case 7: r = x.select(a, b); break;
      case 8: r = x.slice(a, b, c, d); break;
      case 9: r = x.movedim(a, b); break;
      default: throw seg::ArgumentError("unknown dim op " + std::to_string(op));
    }
    *out = wrap(std::move(r));
  )
}

// op 0 expand_as, 1 view_as, 2 reshape_as.
SEG_API(seg_shape_as, int32_t op, TensorH t, TensorH other, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    const auto& o = ref(other);
    at::Tensor r;
    switch (op) {
      case 0: r = x.expand_as(o); break;
      case 1: r = x.view_as(o); break;
      case 2: r = x.reshape_as(o); break;
      default: throw seg::ArgumentError("unknown shape_as op " + std::to_string(op));
    }
    *out = wrap(std::move(r));
  )
}

SEG_API(seg_unflatten, TensorH t, int64_t dim, const int64_t* sizes, int32_t n, TensorH* out) {
  SEG_GUARD(*out = wrap(ref(t).unflatten(dim, seg::ints(sizes, n)));)
}

SEG_API(seg_roll, TensorH t, const int64_t* shifts, int32_t nshifts, const int64_t* dims, int32_t ndims, TensorH* out) {
  SEG_GUARD(*out = wrap(at::roll(ref(t), seg::ints(shifts, nshifts), seg::ints(dims, ndims)));)
}

// op 0 cat, 1 stack.
SEG_API(seg_cat, int32_t op, const TensorH* ts, int32_t n, int64_t dim, TensorH* out) {
  SEG_GUARD(
    auto v = seg::tensors(ts, n);
    *out = wrap(op == 0 ? at::cat(v, dim) : at::stack(v, dim));
  )
}

// op 0 split(size = ints[0]), 1 split(sizes), 2 chunk(chunks = ints[0]), 3 unbind. Returns a handle list.
SEG_API(seg_split, int32_t op, TensorH t, const int64_t* ints, int32_t n, int64_t dim, TensorH** out, int64_t* count) {
  SEG_GUARD(
    const auto& x = ref(t);
    std::vector<at::Tensor> parts;
    switch (op) {
      case 0: parts = x.split(ints[0], dim); break;
      case 1: parts = x.split_with_sizes(seg::ints(ints, n), dim); break;
      case 2: parts = x.chunk(ints[0], dim); break;
      case 3: parts = x.unbind(dim); break;
      default: throw seg::ArgumentError("unknown split op " + std::to_string(op));
    }
    seg::return_list(parts, out, count);
  )
}

// op 0 index_select, 1 gather, 2 take_along_dim.
SEG_API(seg_index_select, int32_t op, TensorH t, int64_t dim, TensorH index, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    const auto& i = ref(index);
    at::Tensor r;
    switch (op) {
      case 0: r = at::index_select(x, dim, i); break;
      case 1: r = at::gather(x, dim, i); break;
      case 2: r = at::take_along_dim(x, i, dim); break;
      default: throw seg::ArgumentError("unknown index op " + std::to_string(op));
    }
    *out = wrap(std::move(r));
  )
}

// op 0 scatter, 1 scatter_add (src tensor only). src null means the scalar value.
SEG_API(seg_scatter, int32_t op, TensorH t, int64_t dim, TensorH index, TensorH src, double d, int64_t i,
        int32_t kind, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(t);
    const auto& idx = ref(index);
    if (op == 1) {
      if (src == nullptr) throw seg::ArgumentError("scatter_add needs a src tensor");
      if (inplace) x.scatter_add_(dim, idx, *src);
      else *out = wrap(at::scatter_add(x, dim, idx, *src));
    } else if (src != nullptr) {
      if (inplace) x.scatter_(dim, idx, *src);
      else *out = wrap(at::scatter(x, dim, idx, *src));
    } else {
      auto v = seg::scalar(d, i, kind);
      if (inplace) x.scatter_(dim, idx, v);
      else *out = wrap(at::scatter(x, dim, idx, v));
    }
  )
}

// t[indices...] = values (advanced indexing with one index tensor per leading dim).
SEG_API(seg_index_put_, TensorH t, const TensorH* indices, int32_t n, TensorH values, int32_t accumulate) {
  SEG_GUARD(
    c10::List<c10::optional<at::Tensor>> idx;
    for (int32_t k = 0; k < n; ++k) idx.push_back(seg::opt(indices[k]));
    ref(t).index_put_(idx, ref(values), accumulate != 0);
  )
}

SEG_API(seg_index, TensorH t, const TensorH* indices, int32_t n, TensorH* out) {
  SEG_GUARD(
    c10::List<c10::optional<at::Tensor>> idx;
    for (int32_t k = 0; k < n; ++k) idx.push_back(seg::opt(indices[k]));
    *out = wrap(at::index(ref(t), idx));
  )
}

// mode 0 constant, 1 reflect, 2 replicate, 3 circular (PyTorch's F.pad; value only for constant).
SEG_API(seg_pad, TensorH t, const int64_t* pad, int32_t n, int32_t mode, double value, TensorH* out) {
  SEG_GUARD(
    static const char* const names[] = {"constant", "reflect", "replicate", "circular"};
    if (mode < 0 || mode > 3) throw seg::ArgumentError("unknown padding mode " + std::to_string(mode));
    c10::optional<double> v;
    if (mode == 0) v = value;
    *out = wrap(at::pad(ref(t), seg::ints(pad, n), names[mode], v));
  )
}
