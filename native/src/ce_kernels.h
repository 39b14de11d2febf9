// The per-pixel kernels of the fused upsample + cross-entropy (nn_upsample_ce.cpp): interpolate two rows of logits
// and take their max, then exponentiate and sum. Self-contained (no libtorch) so that bench/ce_exp's micro-benchmark
// times exactly these.
#pragma once

#include <immintrin.h>

#include <cmath>
#include <cstdint>
#include <cstring>

namespace seg::ce_kernels {

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

// The two reductions per pixel (max, then exp and sum) have explicit AVX2 forms: GCC leaves the portable loops
// scalar (a serial reduction chain without -ffast-math). The portable forms are the fallback for other CPUs.
inline float lerp_max_portable(float* __restrict z, const float* __restrict x, const float* __restrict y, float a, float b,
                        int64_t c) {
  float m = -INFINITY;
  for (int64_t i = 0; i < c; ++i) {
    z[i] = a * x[i] + b * y[i];
    m = z[i] > m ? z[i] : m;
  }
  return m;
}

inline float exp_sum_portable(float* __restrict z, float m, int64_t c) {
  float s = 0.f;
  for (int64_t i = 0; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    s += z[i];
  }
  return s;
}

__attribute__((target("avx2,fma"))) inline float hsum(__m256 v) {
  __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));
  lo = _mm_add_ss(lo, _mm_movehdup_ps(lo));
  return _mm_cvtss_f32(lo);
}

__attribute__((target("avx2,fma"))) inline float hmax(__m256 v) {
  __m128 lo = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  lo = _mm_max_ps(lo, _mm_movehl_ps(lo, lo));
  lo = _mm_max_ss(lo, _mm_movehdup_ps(lo));
  return _mm_cvtss_f32(lo);
}

// e^x / 2^n for x within ln2/2 of n·ln2 (n integral, as a float): fast_exp's range reduction and polynomial on 8 lanes.
__attribute__((target("avx2,fma"))) inline __m256 exp8_reduced(__m256 x, __m256 n) {
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fmadd_ps(n, _mm256_set1_ps(2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  return _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(p, r), r, r), _mm256_set1_ps(1.0f));
}

// fast_exp on 8 lanes.
__attribute__((target("avx2,fma"))) inline __m256 exp8(__m256 x) {
  x = _mm256_max_ps(_mm256_min_ps(x, _mm256_set1_ps(88.3f)), _mm256_set1_ps(-87.3f));
  const __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  const __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(exp8_reduced(x, n), _mm256_castsi256_ps(e));
}

__attribute__((target("avx2,fma"))) inline float lerp_max_avx2(float* __restrict z, const float* __restrict x,
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

__attribute__((target("avx2,fma"))) inline float exp_sum_avx2(float* __restrict z, float m, int64_t c) {
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

inline const bool kHasAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");

inline float lerp_max(float* z, const float* x, const float* y, float a, float b, int64_t c) {
  return kHasAvx2 ? lerp_max_avx2(z, x, y, a, b, c) : lerp_max_portable(z, x, y, a, b, c);
}

inline float exp_sum(float* z, float m, int64_t c) { return kHasAvx2 ? exp_sum_avx2(z, m, c) : exp_sum_portable(z, m, c); }

// g_x += a·k·e, g_y += b·k·e (k folds the 1/Σ and the pixel's weight).
}  // namespace seg::ce_kernels
