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

#include <immintrin.h>

#include <cmath>
#include <cstring>
#include <mutex>

using seg::ref;
using seg::wrap;

namespace {

// Cephes-style expf: range reduction to [-ln2/2, ln2/2], degree-5 polynomial, exponent by bit arithmetic.
// Branch-free so that the loops below vectorise; relative error ~1e-7 on the range used (x <= 0).
inline float fast_exp(float x) {
  x = x < -87.3f ? -87.3f : x;
  x = x > 88.3f ? 88.3f : x;
  const float n = std::nearbyint(x * 1.44269504088896341f);
  float r = x - n * 0.693359375f;
  r = r + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  const int32_t e = (static_cast<int32_t>(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &e, sizeof scale);
  return p * scale;
}

#define SEG_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

// The two reductions per pixel (max, then exp and sum) have explicit AVX2 forms: GCC leaves the portable loops
// scalar (a serial reduction chain without -ffast-math). The portable forms are the fallback for other CPUs.
float lerp_max_portable(float* __restrict z, const float* __restrict x, const float* __restrict y, float a, float b,
                        int64_t c) {
  float m = -INFINITY;
  for (int64_t i = 0; i < c; ++i) {
    z[i] = a * x[i] + b * y[i];
    m = z[i] > m ? z[i] : m;
  }
  return m;
}

float exp_sum_portable(float* __restrict z, float m, int64_t c) {
  float s = 0.f;
  for (int64_t i = 0; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    s += z[i];
  }
  return s;
}

__attribute__((target("avx2,fma"))) float hsum(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));
  lo = _mm_add_ss(lo, _mm_movehdup_ps(lo));
  return _mm_cvtss_f32(lo);
}

__attribute__((target("avx2,fma"))) float hmax(__m256 v) {
  __m128 lo = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_max_ps(lo, _mm_movehl_ps(lo, lo));
  lo = _mm_max_ss(lo, _mm_movehdup_ps(lo));
  return _mm_cvtss_f32(lo);
}

// fast_exp on 8 lanes.
__attribute__((target("avx2,fma"))) __m256 exp8(__m256 x) {
  x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(88.3f)), _mm256_set1_ps(-87.3f));
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fmadd_ps(n, _mm256_set1_ps(2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(p, r), r, r), _mm256_set1_ps(1.0f));
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

__attribute__((target("avx2,fma"))) float lerp_max_avx2(float* __restrict z, const float* __restrict x,
                                                         const float* __restrict y, float a, float b, int64_t c) {
  const __m256 va = _mm256_set1_ps(a), vb = _mm256_set1_ps(b);
  __m256 m0 = _mm256_set1_ps(-INFINITY), m1 = m0;
  int64_t i = 0;
  for (; i + 16 <= c; i += 16) {
    const __m256 v0 = _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i), _mm256_mul_ps(vb, _mm256_loadu_ps(y + i)));
    const __m256 v1 = _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i + 8), _mm256_mul_ps(vb, _mm256_loadu_ps(y + i + 8)));
    _mm256_storeu_ps(z + i, v0);
    _mm256_storeu_ps(z + i + 8, v1);
    m0 = _mm256_max_ps(m0, v0);
    m1 = _mm256_max_ps(m1, v1);
  }
  float m = hmax(_mm256_max_ps(m0, m1));
  for (; i < c; ++i) {
    z[i] = a * x[i] + b * y[i];
    m = z[i] > m ? z[i] : m;
  }
  return m;
}

__attribute__((target("avx2,fma"))) float exp_sum_avx2(float* __restrict z, float m, int64_t c) {
  const __m256 vm = _mm256_set1_ps(m);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0;
  int64_t i = 0;
  for (; i + 16 <= c; i += 16) {
    const __m256 e0 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    const __m256 e1 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i + 8), vm));
    _mm256_storeu_ps(z + i, e0);
    _mm256_storeu_ps(z + i + 8, e1);
    s0 = _mm256_add_ps(s0, e0);
    s1 = _mm256_add_ps(s1, e1);
  }
  float s = hsum(_mm256_add_ps(s0, s1));
  for (; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    s += z[i];
  }
  return s;
}

const bool kHasAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");

inline float lerp_max(float* z, const float* x, const float* y, float a, float b, int64_t c) {
  return kHasAvx2 ? lerp_max_avx2(z, x, y, a, b, c) : lerp_max_portable(z, x, y, a, b, c);
}

inline float exp_sum(float* z, float m, int64_t c) { return kHasAvx2 ? exp_sum_avx2(z, m, c) : exp_sum_portable(z, m, c); }

// g_x += a·k·e, g_y += b·k·e (k folds the 1/Σ and the pixel's weight).
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

}  // namespace

// weight may be null. The result is a 0-D float tensor; it carries a grad_fn when logits require grad.
SEG_API(seg_upsample_cross_entropy, TensorH logits, TensorH labels, TensorH weight, int64_t out_h, int64_t out_w,
        int32_t align_corners, int64_t ignore_index, int32_t avg_non_ignore, TensorH* out) {
  SEG_GUARD(
    // Under autocast the logits may come in bfloat16 or float16: the loss runs in float32 (it stands for a bilinear
    // upsample and a cross-entropy, both float32 ops under PaddleSeg's mixed precision); the cast is differentiable.
    const auto& given = ref(logits);
    const auto x = given.scalar_type() == at::kBFloat16 || given.scalar_type() == at::kHalf ? given.to(at::kFloat) : given;
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
    const auto& given = ref(logits);
    const auto x = (given.scalar_type() == at::kBFloat16 || given.scalar_type() == at::kHalf ? given.to(at::kFloat) : given).detach();
    TORCH_CHECK_VALUE(x.dim() == 4, "upsample_nll: logits must be [N, C, h, w], got ", x.sizes());
    auto nll = at::empty({x.size(0), out_h, out_w}, x.options());
    upsample_ce(x, ref(labels), c10::nullopt, out_h, out_w, align_corners != 0, ignore_index, false, false,
                nll.data_ptr<float>());
    *out = wrap(nll);
  )
}
