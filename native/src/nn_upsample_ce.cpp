// Fused bilinear upsampling (F.interpolate's, align_corners False or True) + weighted, ignore-aware cross-entropy
// with PaddleSeg's CrossEntropyLoss mean:
//   loss = mean_p(mask_p · w[y_p] · nll_p) / (mean_p(mask_p · coef_p) + 1e-8)
// nll_p = logsumexp(z_p) − z_p[y_p] where z_p is the bilinear upsample of the low-resolution logits at
// output pixel p; ignored pixels contribute 0; mask = valid pixels when avg_non_ignore else 1; coef = w[y]
// when weights are given and avg_non_ignore, else 1. The full-resolution logits are never stored: each
// output row is interpolated from two low-resolution rows into a small buffer, and the gradient with respect
// to the low-resolution logits is accumulated during the same pass (the backward only scales it).
#include "seg_api.h"

#include <ATen/Parallel.h>
#include <torch/csrc/autograd/custom_function.h>

#include <cmath>
#include <cstring>
#include <mutex>

#include "ce_kernels.h"

using seg::ref;
using seg::wrap;

namespace {

using seg::ce_kernels::exp_sum;
using seg::ce_kernels::lerp_max;

#define SEG_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

SEG_CLONES void scatter2(float* __restrict gx, float* __restrict gy, const float* __restrict e, float ak, float bk,
                         int64_t c) {
  for (int64_t i = 0; i < c; ++i) {
    gx[i] += ak * e[i];
    gy[i] += bk * e[i];
  }
}

SEG_CLONES void axpy(float* __restrict y, const float* __restrict x, float a, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] += a * x[i];
}

SEG_CLONES void lerp_rows(float* __restrict out, const float* __restrict x, const float* __restrict y, float a, float b,
                          int64_t n) {
  for (int64_t i = 0; i < n; ++i) out[i] = a * x[i] + b * y[i];
}

// PyTorch's upsample_bilinear2d source index (no scale factor given).
struct Tap {
  int64_t i0, i1;
  float l0, l1;
};

std::vector<Tap> taps(int64_t in, int64_t out, bool align_corners) {
  std::vector<Tap> t(static_cast<size_t>(out));
  const float scale = align_corners ? (out > 1 ? static_cast<float>(in - 1) / static_cast<float>(out - 1) : 0.f)
                                    : static_cast<float>(in) / static_cast<float>(out);
  for (int64_t d = 0; d < out; ++d) {
    float src = align_corners ? scale * static_cast<float>(d) : scale * (static_cast<float>(d) + 0.5f) - 0.5f;
    src = src < 0.f ? 0.f : src;
    const auto i0 = static_cast<int64_t>(src);
    const int64_t step = i0 < in - 1 ? 1 : 0;
    const float l1 = src - static_cast<float>(i0);
    t[static_cast<size_t>(d)] = Tap{i0, i0 + step, 1.f - l1, l1};
  }
  return t;
}

struct Result {
  double loss;
  at::Tensor grad;  // d loss / d logits (NHWC storage, NCHW view); undefined unless requested
};

// per_pixel, when given, receives each output pixel's unweighted nll (0 at ignore_index), [N * out_h * out_w].
Result upsample_ce(const at::Tensor& logits_nchw, const at::Tensor& labels_in, const c10::optional<at::Tensor>& weight_in,
                   int64_t out_h, int64_t out_w, bool align_corners, int64_t ignore_index, bool avg_non_ignore,
                   bool want_grad, float* per_pixel = nullptr) {
  TORCH_CHECK_VALUE(logits_nchw.dim() == 4, "upsample_cross_entropy: logits must be [N, C, h, w], got ", logits_nchw.sizes());
  TORCH_CHECK_TYPE(logits_nchw.scalar_type() == at::kFloat, "upsample_cross_entropy: logits must be float32, got ",
                   logits_nchw.scalar_type());
  TORCH_CHECK_VALUE(logits_nchw.device().is_cpu(), "upsample_cross_entropy: only CPU tensors are supported");
  const int64_t n = logits_nchw.size(0), c = logits_nchw.size(1), in_h = logits_nchw.size(2), in_w = logits_nchw.size(3);
  TORCH_CHECK_VALUE(out_h > 0 && out_w > 0 && in_h > 0 && in_w > 0 && c > 0, "upsample_cross_entropy: empty sizes");
  TORCH_CHECK_VALUE(labels_in.dim() == 3 && labels_in.size(0) == n && labels_in.size(1) == out_h && labels_in.size(2) == out_w,
                    "upsample_cross_entropy: labels ", labels_in.sizes(), " must be [", n, ", ", out_h, ", ", out_w, "]");
  const auto labels = labels_in.to(at::kLong).contiguous();
  at::Tensor weight;
  if (weight_in.has_value() && weight_in->defined()) {
    weight = weight_in->to(at::kFloat).contiguous();
    TORCH_CHECK_VALUE(weight.dim() == 1 && weight.size(0) == c, "upsample_cross_entropy: weight must have ", c,
                      " entries, got ", weight.sizes());
  }
  const float* w = weight.defined() ? weight.data_ptr<float>() : nullptr;
  const int64_t* y = labels.data_ptr<int64_t>();
  const int64_t pixels = n * out_h * out_w;

  // Denominator: mean(mask · coef) + 1e-8, checking the labels on the way.
  double denom_sum = 0.0;
  for (int64_t p = 0; p < pixels; ++p) {
    const int64_t t = y[p];
    if (t == ignore_index) {
      if (!avg_non_ignore) denom_sum += 1.0;
      continue;
    }
    TORCH_CHECK_INDEX(t >= 0 && t < c, "Target ", t, " is out of bounds.");
    denom_sum += (w != nullptr && avg_non_ignore) ? static_cast<double>(w[t]) : 1.0;
  }
  const double denom = denom_sum / static_cast<double>(pixels) + 1e-8;
  const double grad_scale = 1.0 / (static_cast<double>(pixels) * denom);

  const auto x = logits_nchw.detach().permute({0, 2, 3, 1}).contiguous();  // [N, h, w, C]
  const float* xp = x.data_ptr<float>();
  at::Tensor grad;
  float* gp = nullptr;
  if (want_grad) {
    grad = at::zeros({n, in_h, in_w, c}, x.options());
    gp = grad.data_ptr<float>();
  }
  const auto th = taps(in_h, out_h, align_corners);
  const auto tw = taps(in_w, out_w, align_corners);
  const int64_t row = in_w * c;

  std::mutex merge;
  double total = 0.0;
  // Work items: (image, output row). Each chunk accumulates its gradient rows privately, then merges.
  at::parallel_for(0, n * out_h, 8, [&](int64_t begin, int64_t end) {
    std::vector<float> rowbuf(static_cast<size_t>(row)), z(static_cast<size_t>(c));
    std::vector<float> growbuf;
    std::vector<float> gpriv;
    int64_t gimage = -1, glo = 0, ghi = -1;
    auto flush = [&]() {
      if (gimage < 0) return;
      std::lock_guard<std::mutex> lock(merge);
      float* dst = gp + (gimage * in_h + glo) * row;
      axpy(dst, gpriv.data(), 1.f, (ghi - glo + 1) * row);
    };
    if (want_grad) growbuf.resize(static_cast<size_t>(row));
    double local = 0.0;
    for (int64_t item = begin; item < end; ++item) {
      const int64_t b = item / out_h, oh = item % out_h;
      const Tap& ty = th[static_cast<size_t>(oh)];
      const float* r0 = xp + (b * in_h + ty.i0) * row;
      const float* r1 = xp + (b * in_h + ty.i1) * row;
      lerp_rows(rowbuf.data(), r0, r1, ty.l0, ty.l1, row);
      if (want_grad) std::fill(growbuf.begin(), growbuf.end(), 0.f);
      bool any = false;
      const int64_t* yrow = y + (b * out_h + oh) * out_w;
      for (int64_t ow = 0; ow < out_w; ++ow) {
        const int64_t t = yrow[ow];
        if (t == ignore_index) {
          if (per_pixel != nullptr) per_pixel[(b * out_h + oh) * out_w + ow] = 0.f;
          continue;
        }
        const Tap& tx = tw[static_cast<size_t>(ow)];
        const float* a0 = rowbuf.data() + tx.i0 * c;
        const float* a1 = rowbuf.data() + tx.i1 * c;
        const float m = lerp_max(z.data(), a0, a1, tx.l0, tx.l1, c);
        const float zt = z[static_cast<size_t>(t)];
        const float s = exp_sum(z.data(), m, c);
        const double wt = w != nullptr ? static_cast<double>(w[t]) : 1.0;
        const double nll = static_cast<double>(m) + std::log(static_cast<double>(s)) - static_cast<double>(zt);
        local += wt * nll;
        if (per_pixel != nullptr) per_pixel[(b * out_h + oh) * out_w + ow] = static_cast<float>(nll);
        if (want_grad) {
          const float k = static_cast<float>(wt * grad_scale);
          const float ks = k / s;
          float* g0 = growbuf.data() + tx.i0 * c;
          float* g1 = growbuf.data() + tx.i1 * c;
          if (g0 == g1) axpy(g0, z.data(), ks, c);  // both taps on the border cell (the kernels assume no aliasing)
          else scatter2(g0, g1, z.data(), tx.l0 * ks, tx.l1 * ks, c);
          g0[t] -= tx.l0 * k;
          g1[t] -= tx.l1 * k;
          any = true;
        }
      }
      if (want_grad && any) {
        if (b != gimage || ty.i0 < glo || ty.i1 > ghi) {
          // A new image or rows outside the private range: merge what we have and start over at this row.
          flush();
          gimage = b;
          glo = ty.i0;
          ghi = std::min(in_h - 1, ty.i0 + (end - item) * in_h / out_h + 2);
          gpriv.assign(static_cast<size_t>((ghi - glo + 1) * row), 0.f);
        }
        axpy(gpriv.data() + (ty.i0 - glo) * row, growbuf.data(), ty.l0, row);
        axpy(gpriv.data() + (ty.i1 - glo) * row, growbuf.data(), ty.l1, row);
      }
    }
    if (want_grad) flush();
    std::lock_guard<std::mutex> lock(merge);
    total += local;
  });
  Result r;
  r.loss = total / static_cast<double>(pixels) / denom;
  if (want_grad) r.grad = grad.permute({0, 3, 1, 2});
  return r;
}

struct UpsampleCrossEntropy : torch::autograd::Function<UpsampleCrossEntropy> {
  static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& logits, const at::Tensor& labels,
                            const at::Tensor& weight, int64_t out_h, int64_t out_w, bool align_corners, int64_t ignore_index,
                            bool avg_non_ignore, bool want_grad) {
    auto r = upsample_ce(logits, labels, weight, out_h, out_w,
                         align_corners, ignore_index, avg_non_ignore, want_grad);
    if (want_grad) ctx->save_for_backward({r.grad});
    return at::scalar_tensor(r.loss, logits.options());
  }

  static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::variable_list grad_out) {
    auto saved = ctx->get_saved_variables();
    at::Tensor g = saved.empty() ? at::Tensor() : saved[0] * grad_out[0];
    return {g, at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
  }
};

// Under autocast the logits may come in bfloat16 or float16: the loss runs in float32 (it stands for a bilinear upsample
// and a cross-entropy, both float32 ops under PaddleSeg's mixed precision); the cast is differentiable.
at::Tensor float32_logits(const at::Tensor& given) {
  return given.scalar_type() == at::kBFloat16 || given.scalar_type() == at::kHalf ? given.to(at::kFloat) : given;
}

}  // namespace

// weight may be null. The result is a 0-D float tensor; it carries a grad_fn when logits require grad.
SEG_API(seg_upsample_cross_entropy, TensorH logits, TensorH labels, TensorH weight, int64_t out_h, int64_t out_w,
        int32_t align_corners, int64_t ignore_index, int32_t avg_non_ignore, TensorH* out) {
  SEG_GUARD(
    const auto x = float32_logits(ref(logits));
    const bool want_grad = x.requires_grad() && at::GradMode::is_enabled();
    TORCH_CHECK_VALUE(x.dim() == 4, "upsample_cross_entropy: logits must be [N, C, h, w], got ", x.sizes());
    // No weights is the same loss as weights of one (autograd::Function takes no undefined tensor inputs).
    const at::Tensor w = weight == nullptr ? at::ones({x.size(1)}, at::kFloat) : ref(weight);
    *out = wrap(UpsampleCrossEntropy::apply(x, ref(labels), w, out_h, out_w, align_corners != 0, ignore_index,
                                            avg_non_ignore != 0, want_grad));
  )
}

// The per-pixel nll of the bilinear upsample of logits [N, C, h, w] to out_h x out_w against labels [N, out_h, out_w]:
// −log softmax(z)[y] as float32 [N, out_h, out_w], 0 at ignore_index, without gradient (OHEM's pixel selection).
SEG_API(seg_upsample_nll, TensorH logits, TensorH labels, int64_t out_h, int64_t out_w, int32_t align_corners,
        int64_t ignore_index, TensorH* out) {
  SEG_GUARD(
    const auto x = float32_logits(ref(logits)).detach();
    TORCH_CHECK_VALUE(x.dim() == 4, "upsample_nll: logits must be [N, C, h, w], got ", x.sizes());
    auto nll = at::empty({x.size(0), out_h, out_w}, x.options());
    upsample_ce(x, ref(labels), c10::nullopt, out_h, out_w, align_corners != 0, ignore_index, false, false,
                nll.data_ptr<float>());
    *out = wrap(nll);
  )
}
