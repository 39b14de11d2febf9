// Micro-benchmark of the fused upsample + cross-entropy kernels (copied from native/src/nn_upsample_ce.cpp) on one
// thread, with unrolled and shifter-rounding variants; see bench/models/RESULTS.md. Build and run:
//   g++ -O3 -std=c++17 -DC=1001 bench/ce_exp/exp_sum_microbench.cpp -o /tmp/eb && /tmp/eb
#include <immintrin.h>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <chrono>
#include <cstdio>
#include <vector>
#include <random>
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

__attribute__((target("avx2,fma"))) float exp_sum_avx2_u4(float* __restrict z, float m, int64_t c) {
  const __m256 vm = _mm256_set1_ps(m);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 32 <= c; i += 32) {
    const __m256 e0 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    const __m256 e1 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i + 8), vm));
    const __m256 e2 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i + 16), vm));
    const __m256 e3 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i + 24), vm));
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
    const __m256 e0 = exp8(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    _mm256_storeu_ps(z + i, e0);
    s0 = _mm256_add_ps(s0, e0);
  }
  float s = hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  for (; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    s += z[i];
  }
  return s;
}
// exp8 for x <= 0 (the shifted logits): only the lower clamp; rounding by the 1.5*2^23 shifter instead of round + cvt.
__attribute__((target("avx2,fma"))) __m256 exp8m(__m256 x) {
  x = _mm256_max_ps(x, _mm256_set1_ps(-87.3f));
  const __m256 shifter = _mm256_set1_ps(12582912.0f);
  const __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), shifter);
  const __m256 n = _mm256_sub_ps(t, shifter);
  __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
  r = _mm256_fmadd_ps(n, _mm256_set1_ps(2.12194440e-4f), r);
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
  p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
  p = _mm256_add_ps(_mm256_fmadd_ps(_mm256_mul_ps(p, r), r, r), _mm256_set1_ps(1.0f));
  const __m256i e = _mm256_slli_epi32(_mm256_sub_epi32(_mm256_castps_si256(t), _mm256_set1_epi32(0x4B400000 - 127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}
__attribute__((target("avx2,fma"))) float exp_sum_m4(float* __restrict z, float m, int64_t c) {
  const __m256 vm = _mm256_set1_ps(m);
  __m256 s0 = _mm256_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
  int64_t i = 0;
  for (; i + 32 <= c; i += 32) {
    const __m256 e0 = exp8m(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    const __m256 e1 = exp8m(_mm256_sub_ps(_mm256_loadu_ps(z + i + 8), vm));
    const __m256 e2 = exp8m(_mm256_sub_ps(_mm256_loadu_ps(z + i + 16), vm));
    const __m256 e3 = exp8m(_mm256_sub_ps(_mm256_loadu_ps(z + i + 24), vm));
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
    const __m256 e0 = exp8m(_mm256_sub_ps(_mm256_loadu_ps(z + i), vm));
    _mm256_storeu_ps(z + i, e0);
    s0 = _mm256_add_ps(s0, e0);
  }
  float s = hsum(_mm256_add_ps(_mm256_add_ps(s0, s1), _mm256_add_ps(s2, s3)));
  for (; i < c; ++i) {
    z[i] = fast_exp(z[i] - m);
    s += z[i];
  }
  return s;
}
__attribute__((target("avx2,fma"))) void fmabench(){
  __m256 a[8]; for(int k=0;k<8;k++) a[k]=_mm256_set1_ps(1.0f+k*1e-3f);
  const __m256 b=_mm256_set1_ps(0.999999f), cc=_mm256_set1_ps(1e-7f);
  auto t0=std::chrono::steady_clock::now();
  for(long it=0; it<100000000; ++it) for(int k=0;k<8;k++) a[k]=_mm256_fmadd_ps(a[k],b,cc);
  auto t1=std::chrono::steady_clock::now();
  float s=0; for(int k=0;k<8;k++) s+=hsum(a[k]);
  double sec=std::chrono::duration<double>(t1-t0).count();
  printf("8 chains x 1e8 fma: %.3f s -> %.2f G fma/s (%g)\n", sec, 8e8/sec/1e9, s);
}
int main(){
  fmabench();
  const int64_t c=C; const int64_t px=262144*3/8;
  std::vector<float> x(32*c), y(32*c), z(c);
  std::mt19937 g(0); std::normal_distribution<float> d(0,2);
  for(auto&v:x)v=d(g); for(auto&v:y)v=d(g);
  double tot=0; auto t0=std::chrono::steady_clock::now();
  for(int64_t p=0;p<px;++p){ int64_t k=(p%32)*c; float m=lerp_max(z.data(),x.data()+k,y.data()+k,0.3f,0.7f,c); tot+=exp_sum(z.data(),m,c);} 
  auto t1=std::chrono::steady_clock::now();
  double s=std::chrono::duration<double>(t1-t0).count();
  printf("%lld pixels x %lld: %.3f s, %.2f ns/elem (sum %g)\n",(long long)px,(long long)c,s,s*1e9/(px*c),tot);
  t0=std::chrono::steady_clock::now();
  for(int64_t p=0;p<px;++p){ int64_t k=(p%32)*c; tot+=lerp_max(z.data(),x.data()+k,y.data()+k,0.3f,0.7f,c);} 
  t1=std::chrono::steady_clock::now(); s=std::chrono::duration<double>(t1-t0).count();
  t0=std::chrono::steady_clock::now();
  for(int64_t p=0;p<px;++p){ int64_t k=(p%32)*c; float m=lerp_max(z.data(),x.data()+k,y.data()+k,0.3f,0.7f,c); tot+=exp_sum_avx2_u4(z.data(),m,c);} 
  t1=std::chrono::steady_clock::now(); double s2=std::chrono::duration<double>(t1-t0).count();
  printf("unroll4: %.2f ns/elem\n", s2*1e9/(px*c));
  {
  std::vector<float> za(c), zb(c); double maxrel=0, maxsum=0;
  for(int64_t p=0;p<64;++p){ int64_t k=(p%32)*c; float m=lerp_max(za.data(),x.data()+k,y.data()+k,0.3f,0.7f,c); zb=za; float sa=exp_sum_avx2(za.data(),m,c), sb=exp_sum_m4(zb.data(),m,c);
    for(int64_t i=0;i<c;++i){ double d=std::fabs(za[i]-zb[i])/std::max(1e-30f,za[i]); if(d>maxrel) maxrel=d;} double ds=std::fabs(sa-sb)/sa; if(ds>maxsum) maxsum=ds;} 
  printf("shifter vs round: max rel diff of the exponentials %g, of the sums %g (4 accumulators)\n", maxrel, maxsum);
  t0=std::chrono::steady_clock::now();
  for(int64_t p=0;p<px;++p){ int64_t k=(p%32)*c; float m=lerp_max(z.data(),x.data()+k,y.data()+k,0.3f,0.7f,c); tot+=exp_sum_m4(z.data(),m,c);} 
  t1=std::chrono::steady_clock::now(); double s3=std::chrono::duration<double>(t1-t0).count();
  printf("shifter+unroll4: %.2f ns/elem\n", s3*1e9/(px*c));
  }
  printf("lerp_max only: %.2f ns/elem\n", s*1e9/(px*c));
}
