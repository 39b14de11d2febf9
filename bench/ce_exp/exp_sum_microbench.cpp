// Micro-benchmark of the fused upsample + cross-entropy's per-pixel kernels (native/src/ce_kernels.h) on one thread,
// next to an unrolled variant and one that rounds with the 1.5*2^23 shifter; see bench/models/RESULTS.md.
//   g++ -O3 -std=c++17 bench/ce_exp/exp_sum_microbench.cpp -o /tmp/eb && /tmp/eb
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

#include "../../native/src/ce_kernels.h"

using namespace seg::ce_kernels;

namespace {

// exp8 for x <= 0 only (the shifted logits): the lower clamp, and rounding by the shifter instead of round + convert.
__attribute__((target("avx2,fma"))) inline __m256 exp8_shifter(__m256 x) {
  x = _mm256_max_ps(x, _mm256_set1_ps(-87.3f));
  const __m256 shifter = _mm256_set1_ps(12582912.0f);
  const __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), shifter);
  const __m256 n = _mm256_sub_ps(t, shifter);
  const __m256i e = _mm256_slli_epi32(_mm256_sub_epi32(_mm256_castps_si256(t), _mm256_set1_epi32(0x4B400000 - 127)), 23);
  return _mm256_mul_ps(exp8_reduced(x, n), _mm256_castsi256_ps(e));
}

// exp_sum_avx2 with 4 vectors per iteration, over the given 8-lane exponential.
template <__m256 (*Exp)(__m256)>
__attribute__((target("avx2,fma"))) float exp_sum_unrolled(float* __restrict z, float m, int64_t c) {
  const __m256 vm = _mm256_set1_ps(m);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 32 <= c; i += 32) {
    const __m256 e0 = Exp(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    const __m256 e1 = Exp(_mm256_sub_ps(_mm256_loadu_ps(z + i + 8), vm));
    const __m256 e2 = Exp(_mm256_sub_ps(_mm256_loadu_ps(z + i + 16), vm));
    const __m256 e3 = Exp(_mm256_sub_ps(_mm256_loadu_ps(z + i + 24), vm));
    _mm256_storeu_ps(z + i, e0);
    _mm256_storeu_ps(z + i + 8, e1);
    _mm256_storeu_ps(z + i + 16, e2);
    _mm256_storeu_ps(z + i + 24, e3);
    s0 = _mm256_add_ps(s0, e0);
    s1 = _mm256_add_ps(s1, e1);
    s2 = _mm256_add_ps(s2, e2);
    s3 = _mm256_add_ps(s3, e3);
  }
  for (; i + 8 <= c; i += 8) {
    const __m256 e = Exp(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    _mm256_storeu_ps(z + i, e);
    s0 = _mm256_add_ps(s0, e);
  }
  float sum = hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  for (; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    sum += z[i];
  }
  return sum;
}

// 8 independent FMA chains: the core's sustained 8-lane FMA rate.
__attribute__((target("avx2,fma"))) void fma_rate() {
  __m256 a[8];
  for (int k = 0; k < 8; ++k) a[k] = _mm256_set1_ps(1.0f + k * 1e-3f);
  const __m256 b = _mm256_set1_ps(0.999999f), c = _mm256_set1_ps(1e-7f);
  const auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < 100000000; ++it)
    for (int k = 0; k < 8; ++k) a[k] = _mm256_fmadd_ps(a[k], b, c);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  float sink = 0;
  for (int k = 0; k < 8; ++k) sink += hsum(a[k]);
  std::printf("8 chains x 1e8 FMAs: %.3f s, %.2f G 8-lane FMAs/s (%g)\n", s, 8e8 / s / 1e9, sink);
}

}  // namespace

int main() {
  const int64_t c = 1001, rows = 32, pixels = 98304;
  std::vector<float> x(rows * c), y(rows * c), z(c), reference(c);
  std::mt19937 g(0);
  std::normal_distribution<float> d(0, 2);
  for (auto& v : x) v = d(g);
  for (auto& v : y) v = d(g);
  fma_rate();

  auto time = [&](const char* name, auto&& kernel) {
    double sink = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int64_t p = 0; p < pixels; ++p) sink += kernel(x.data() + (p % rows) * c, y.data() + (p % rows) * c);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%-52s %.2f ns per element (%g)\n", name, s * 1e9 / double(pixels * c), sink);
  };
  time("lerp_max", [&](const float* a, const float* b) { return lerp_max(z.data(), a, b, 0.3f, 0.7f, c); });
  time("lerp_max + exp_sum (shipped)", [&](const float* a, const float* b) {
    return exp_sum(z.data(), lerp_max(z.data(), a, b, 0.3f, 0.7f, c), c);
  });
  time("lerp_max + exp_sum, 4 vectors per iteration", [&](const float* a, const float* b) {
    return exp_sum_unrolled<exp8>(z.data(), lerp_max(z.data(), a, b, 0.3f, 0.7f, c), c);
  });
  time("lerp_max + exp_sum, 4 vectors, shifter rounding", [&](const float* a, const float* b) {
    return exp_sum_unrolled<exp8_shifter>(z.data(), lerp_max(z.data(), a, b, 0.3f, 0.7f, c), c);
  });

  // The shifter's exponentials against the shipped ones.
  double worst = 0;
  for (int64_t r = 0; r < rows; ++r) {
    const float m = lerp_max(reference.data(), x.data() + r * c, y.data() + r * c, 0.3f, 0.7f, c);
    z = reference;
    exp_sum(reference.data(), m, c);
    exp_sum_unrolled<exp8_shifter>(z.data(), m, c);
    for (int64_t i = 0; i < c; ++i) worst = std::max(worst, double(std::fabs(z[i] - reference[i]) / reference[i]));
  }
  std::printf("shifter vs shipped exponentials: max relative difference %g\n", worst);
}
