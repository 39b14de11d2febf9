// Per-sample image operations of the data pipeline on CPU HxW / HxWxC tensors. Geometric operations
// go through OpenCV (the same library Python's cv2 uses, so results match cv2 bit for bit); the colour
// operations reproduce PIL's ImageEnhance / HSV conversion arithmetic (Pillow's libImaging), which
// PaddleSeg's RandomDistort uses.
#include "seg_api.h"

#include <ATen/Parallel.h>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

int cv_depth(at::ScalarType t) {
  switch (t) {
    case at::kByte: return CV_8U;
    case at::kFloat: return CV_32F;
    case at::kInt: return CV_32S;
    case at::kDouble: return CV_64F;
    default: throw seg::ArgumentError(std::string("image operations support uint8, int32, float32 and float64 images, got ") + c10::toString(t));
  }
}

void check_image(const at::Tensor& x, const char* op) {
  if (!x.device().is_cpu()) throw seg::ArgumentError(std::string(op) + " expects a CPU tensor, got one on " + x.device().str());
  if (x.dim() != 2 && x.dim() != 3)
    throw seg::ArgumentError(std::string(op) + " expects an HxW or HxWxC image, got shape " + c10::str(x.sizes()));
  if (x.size(0) < 1 || x.size(1) < 1 || x.size(0) > INT32_MAX || x.size(1) > INT32_MAX)
    throw seg::ArgumentError(std::string(op) + " cannot process an image of shape " + c10::str(x.sizes()));
  if (x.dim() == 3 && (x.size(2) < 1 || x.size(2) > CV_CN_MAX))
    throw seg::ArgumentError(std::string(op) + " supports 1.." + std::to_string(CV_CN_MAX) + " channels, got shape " + c10::str(x.sizes()));
}

int channels(const at::Tensor& x) { return x.dim() == 3 ? static_cast<int>(x.size(2)) : 1; }

// A Mat header over a contiguous tensor's pixels (no copy).
cv::Mat as_mat(const at::Tensor& x) {
  return cv::Mat(static_cast<int>(x.size(0)), static_cast<int>(x.size(1)), CV_MAKETYPE(cv_depth(x.scalar_type()), channels(x)), x.data_ptr());
}

// A new tensor of the same dtype and channel layout as `like`, h x w pixels.
at::Tensor new_like(const at::Tensor& like, int64_t h, int64_t w) {
  if (like.dim() == 3) return at::empty({h, w, like.size(2)}, like.options());
  return at::empty({h, w}, like.options());
}

int interpolation(int32_t code) {
  switch (code) {
    case 0: return cv::INTER_NEAREST;
    case 1: return cv::INTER_LINEAR;
    case 2: return cv::INTER_CUBIC;
    case 3: return cv::INTER_AREA;
    case 4: return cv::INTER_LANCZOS4;
    default: throw seg::ArgumentError("unknown interpolation code " + std::to_string(code));
  }
}

cv::Scalar fill(double value) { return cv::Scalar(value, value, value, value); }

at::Tensor rgb_u8(const at::Tensor& x, const char* op) {
  check_image(x, op);
  if (x.scalar_type() != at::kByte) throw seg::ArgumentError(std::string(op) + " expects a uint8 image, got " + c10::toString(x.scalar_type()));
  return x.contiguous();
}

// PIL's ITU-R 601-2 luma (Convert.c L24), as used by convert("L").
inline uint8_t luma(const uint8_t* p) { return static_cast<uint8_t>((p[0] * 19595 + p[1] * 38470 + p[2] * 7471 + 0x8000) >> 16); }

// PIL's Image.blend(degenerate, image, alpha) per byte (Blend.c), alpha as a C float.
inline uint8_t blend(uint8_t in1, uint8_t in2, float alpha) {
  if (alpha >= 0 && alpha <= 1.0f) return static_cast<uint8_t>(static_cast<int>(in1) + alpha * (static_cast<int>(in2) - static_cast<int>(in1)));
  float t = static_cast<float>(static_cast<int>(in1) + alpha * (static_cast<int>(in2) - static_cast<int>(in1)));
  if (t <= 0.0f) return 0;
  if (t >= 255.0f) return 255;
  return static_cast<uint8_t>(t);
}

// Blends every pixel of x (HxWxC uint8) with the degenerate value computed per pixel by `degen`.
template <typename F>
at::Tensor enhance(const at::Tensor& x, double factor, F degen) {
  auto out = at::empty_like(x);
  const auto* src = x.data_ptr<uint8_t>();
  auto* dst = out.data_ptr<uint8_t>();
  const int64_t c = x.dim() == 3 ? x.size(2) : 1;
  const int64_t n = x.size(0) * x.size(1);
  const float alpha = static_cast<float>(factor);
  if (alpha == 0.0f || alpha == 1.0f) {
    for (int64_t i = 0; i < n; ++i)
      for (int64_t k = 0; k < c; ++k) dst[i * c + k] = alpha == 1.0f ? src[i * c + k] : degen(src + i * c, k);
    return out;
  }
  for (int64_t i = 0; i < n; ++i)
    for (int64_t k = 0; k < c; ++k) dst[i * c + k] = blend(degen(src + i * c, k), src[i * c + k], alpha);
  return out;
}

inline uint8_t clip8f(float in) {
  if (in <= 0.0f) return 0;
  if (in >= 255.0f) return 255;
  return static_cast<uint8_t>(in);
}

inline int clip8i(int v) { return v < 0 ? 0 : (v > 255 ? 255 : v); }

void rgb_to_hsv(const uint8_t* in, uint8_t* out) {
  uint8_t r = in[0], g = in[1], b = in[2];
  uint8_t maxc = std::max(r, std::max(g, b)), minc = std::min(r, std::min(g, b));
  uint8_t uh = 0, us = 0;
  if (minc != maxc) {
    float cr = static_cast<float>(maxc - minc);
    float s = cr / static_cast<float>(maxc);
    float rc = static_cast<float>(maxc - r) / cr, gc = static_cast<float>(maxc - g) / cr, bc = static_cast<float>(maxc - b) / cr;
    float h;
    if (r == maxc) h = bc - gc;
    else if (g == maxc) h = 2.0 + rc - bc;
    else h = 4.0 + gc - rc;
    h = std::fmod((h / 6.0 + 1.0), 1.0);
    uh = static_cast<uint8_t>(clip8i(static_cast<int>(h * 255.0)));
    us = static_cast<uint8_t>(clip8i(static_cast<int>(s * 255.0)));
  }
  out[0] = uh;
  out[1] = us;
  out[2] = maxc;
}

void hsv_to_rgb(const uint8_t* in, uint8_t* out) {
  uint8_t h = in[0], s = in[1], v = in[2];
  if (s == 0) {
    out[0] = out[1] = out[2] = v;
    return;
  }
  int i = static_cast<int>(std::floor(static_cast<float>(h) * 6.0 / 255.0));
  float f = static_cast<float>(h) * 6.0 / 255.0 - static_cast<float>(i);
  float fs = static_cast<float>(s) / 255.0;
  auto up = static_cast<uint8_t>(clip8i(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs)))));
  auto uq = static_cast<uint8_t>(clip8i(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * f)))));
  auto ut = static_cast<uint8_t>(clip8i(static_cast<int>(std::round(static_cast<float>(v) * (1.0 - fs * (1.0 - f))))));
  switch (i % 6) {
    case 0: out[0] = v; out[1] = ut; out[2] = up; break;
    case 1: out[0] = uq; out[1] = v; out[2] = up; break;
    case 2: out[0] = up; out[1] = v; out[2] = ut; break;
    case 3: out[0] = up; out[1] = uq; out[2] = v; break;
    case 4: out[0] = ut; out[1] = up; out[2] = v; break;
    default: out[0] = v; out[1] = up; out[2] = uq; break;
  }
}

}  // namespace

// cv2.resize(x, (width, height), interpolation=interp); interp 0 nearest, 1 linear, 2 cubic, 3 area, 4 lanczos4.
SEG_API(seg_imgops_resize, TensorH t, int64_t width, int64_t height, int32_t interp, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).contiguous();
    check_image(x, "resize");
    if (width < 1 || height < 1 || width > INT32_MAX || height > INT32_MAX)
      throw seg::ArgumentError("resize needs a positive size, got (w, h) = (" + std::to_string(width) + ", " + std::to_string(height) + ")");
    auto y = new_like(x, height, width);
    auto dst = as_mat(y);
    cv::resize(as_mat(x), dst, cv::Size(static_cast<int>(width), static_cast<int>(height)), 0, 0, interpolation(interp));
    if (dst.data != y.data_ptr()) throw std::runtime_error("resize reallocated its output");
    *out = seg::wrap(y);
  )
}

// cv2.copyMakeBorder(x, top, bottom, left, right, BORDER_CONSTANT, value=(v, v, v, v)).
SEG_API(seg_imgops_pad_constant, TensorH t, int64_t top, int64_t bottom, int64_t left, int64_t right, double value, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).contiguous();
    check_image(x, "pad");
    if (top < 0 || bottom < 0 || left < 0 || right < 0) throw seg::ArgumentError("padding must not be negative");
    auto y = new_like(x, x.size(0) + top + bottom, x.size(1) + left + right);
    auto dst = as_mat(y);
    cv::copyMakeBorder(as_mat(x), dst, static_cast<int>(top), static_cast<int>(bottom), static_cast<int>(left), static_cast<int>(right), cv::BORDER_CONSTANT, fill(value));
    if (dst.data != y.data_ptr()) throw std::runtime_error("pad reallocated its output");
    *out = seg::wrap(y);
  )
}

// cv2.warpAffine(x, m (2x3, row-major), (width, height), flags=interp, BORDER_CONSTANT, borderValue=(v, v, v, v)).
SEG_API(seg_imgops_warp_affine, TensorH t, const double* m, int64_t width, int64_t height, int32_t interp, double border_value, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).contiguous();
    check_image(x, "warp_affine");
    if (width < 1 || height < 1 || width > INT32_MAX || height > INT32_MAX) throw seg::ArgumentError("warp_affine needs a positive output size");
    cv::Mat matrix(2, 3, CV_64F);
    for (int i = 0; i < 6; ++i) matrix.at<double>(i / 3, i % 3) = m[i];
    auto y = new_like(x, height, width);
    auto dst = as_mat(y);
    cv::warpAffine(as_mat(x), dst, matrix, cv::Size(static_cast<int>(width), static_cast<int>(height)), interpolation(interp), cv::BORDER_CONSTANT, fill(border_value));
    if (dst.data != y.data_ptr()) throw std::runtime_error("warp_affine reallocated its output");
    *out = seg::wrap(y);
  )
}

// cv2.getRotationMatrix2D((cx, cy), angle, scale) into m[6].
SEG_API(seg_imgops_rotation_matrix, double cx, double cy, double angle, double scale, double* m) {
  SEG_GUARD(
    cv::Mat r = cv::getRotationMatrix2D(cv::Point2f(static_cast<float>(cx), static_cast<float>(cy)), angle, scale);
    for (int i = 0; i < 6; ++i) m[i] = r.at<double>(i / 3, i % 3);
  )
}

// kind 0: cv2.GaussianBlur(x, (k, k), 0, 0); 1: cv2.medianBlur(x, k); 2: cv2.blur(x, (k, k)).
SEG_API(seg_imgops_blur, TensorH t, int32_t kind, int32_t ksize, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).contiguous();
    check_image(x, "blur");
    if (ksize < 1) throw seg::ArgumentError("blur needs a positive kernel size");
    auto y = at::empty_like(x);
    auto dst = as_mat(y);
    auto src = as_mat(x);
    switch (kind) {
      case 0: cv::GaussianBlur(src, dst, cv::Size(ksize, ksize), 0, 0); break;
      case 1: cv::medianBlur(src, dst, ksize); break;
      case 2: cv::blur(src, dst, cv::Size(ksize, ksize)); break;
      default: throw seg::ArgumentError("unknown blur kind " + std::to_string(kind));
    }
    if (dst.data != y.data_ptr()) throw std::runtime_error("blur reallocated its output");
    *out = seg::wrap(y);
  )
}

// PIL ImageEnhance on a uint8 HxWx1 or HxWx3 (RGB) image. op 0 Brightness, 1 Contrast, 2 Color, 3 Sharpness.
SEG_API(seg_imgops_pil_enhance, TensorH t, int32_t op, double factor, TensorH* out) {
  SEG_GUARD(
    auto x = rgb_u8(seg::ref(t), "pil_enhance");
    const int64_t c = channels(x);
    if (c != 1 && c != 3) throw seg::ArgumentError("pil_enhance expects 1 (L) or 3 (RGB) channels, got shape " + c10::str(x.sizes()));
    auto lum = [c](const uint8_t* p) { return c == 3 ? luma(p) : p[0]; };
    switch (op) {
      case 0: *out = seg::wrap(enhance(x, factor, [](const uint8_t*, int64_t) -> uint8_t { return 0; })); break;
      case 1: {
        // ImageStat mean of the L image, rounded half up: int(mean + 0.5).
        const auto* p = x.data_ptr<uint8_t>();
        const int64_t n = x.size(0) * x.size(1);
        int64_t hist[256] = {0};
        for (int64_t i = 0; i < n; ++i) hist[lum(p + i * c)]++;
        double sum = 0;
        for (int v = 0; v < 256; ++v) sum += static_cast<double>(v) * static_cast<double>(hist[v]);
        auto mean = static_cast<uint8_t>(static_cast<int>(sum / static_cast<double>(n) + 0.5));
        *out = seg::wrap(enhance(x, factor, [mean](const uint8_t*, int64_t) { return mean; }));
        break;
      }
      case 2: *out = seg::wrap(enhance(x, factor, [lum](const uint8_t* px, int64_t) { return lum(px); })); break;
      case 3: {
        // ImageFilter.SMOOTH (3x3, 1 1 1 / 1 5 1 / 1 1 1, divisor 13), border pixels copied (Filter.c).
        const int64_t h = x.size(0), w = x.size(1);
        auto smooth = x.clone();
        if (h >= 3 && w >= 3) {
          const float k = 1.0f / 13.0f, kc = 5.0f / 13.0f;
          const auto* s = x.data_ptr<uint8_t>();
          auto* d = smooth.data_ptr<uint8_t>();
          for (int64_t yy = 1; yy < h - 1; ++yy)
            for (int64_t xx = 1; xx < w - 1; ++xx)
              for (int64_t ch = 0; ch < c; ++ch) {
                auto at = [&](int64_t r, int64_t q) { return static_cast<float>(s[(r * w + q) * c + ch]); };
                float ss = 0.5f;
                ss += at(yy + 1, xx - 1) * k + at(yy + 1, xx) * k + at(yy + 1, xx + 1) * k;
                ss += at(yy, xx - 1) * k + at(yy, xx) * kc + at(yy, xx + 1) * k;
                ss += at(yy - 1, xx - 1) * k + at(yy - 1, xx) * k + at(yy - 1, xx + 1) * k;
                d[(yy * w + xx) * c + ch] = clip8f(ss);
              }
        }
        const auto* sm = smooth.data_ptr<uint8_t>();
        const auto* base = x.data_ptr<uint8_t>();
        *out = seg::wrap(enhance(x, factor, [sm, base](const uint8_t* px, int64_t k) { return sm[(px - base) + k]; }));
        break;
      }
      default: throw seg::ArgumentError("unknown enhance op " + std::to_string(op));
    }
  )
}

// PaddleSeg's hue jitter through PIL: RGB -> HSV (uint8), H = uint8(trunc(H + delta)) (wrapping as numpy's
// float -> uint8 cast does on x86), HSV -> RGB. uint8 HxWx3 in and out.
SEG_API(seg_imgops_pil_hue, TensorH t, double delta, TensorH* out) {
  SEG_GUARD(
    auto x = rgb_u8(seg::ref(t), "pil_hue");
    if (channels(x) != 3) throw seg::ArgumentError("pil_hue expects an RGB image, got shape " + c10::str(x.sizes()));
    auto y = at::empty_like(x);
    const auto* s = x.data_ptr<uint8_t>();
    auto* d = y.data_ptr<uint8_t>();
    const int64_t n = x.size(0) * x.size(1);
    uint8_t hsv[3];
    for (int64_t i = 0; i < n; ++i) {
      rgb_to_hsv(s + i * 3, hsv);
      hsv[0] = static_cast<uint8_t>(static_cast<int64_t>(static_cast<double>(hsv[0]) + delta));
      hsv_to_rgb(hsv, d + i * 3);
    }
    *out = seg::wrap(y);
  )
}

// numpy's astype('uint8') of a float image: truncation toward zero, wrapping modulo 256 (x86 behaviour).
SEG_API(seg_imgops_float_to_u8, TensorH t, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).to(at::kFloat).contiguous();
    auto y = at::empty(x.sizes(), x.options().dtype(at::kByte));
    const auto* s = x.data_ptr<float>();
    auto* d = y.data_ptr<uint8_t>();
    const int64_t n = x.numel();
    for (int64_t i = 0; i < n; ++i) d[i] = static_cast<uint8_t>(static_cast<int64_t>(s[i]));
    *out = seg::wrap(y);
  )
}

// PaddleSeg's Normalize followed by Compose's HWC -> CHW: out[c] = float32((float32(x / 255) - mean[c]) / std[c]),
// the subtraction and division in double as numpy's in-place float32 -= float64 does.
SEG_API(seg_imgops_normalize_chw, TensorH t, const double* mean, const double* std, int32_t n_stats, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t).to(at::kFloat).contiguous();
    check_image(x, "normalize");
    const int64_t h = x.size(0), w = x.size(1), c = channels(x);
    if (n_stats != 1 && n_stats != c)
      throw seg::ArgumentError("normalize has " + std::to_string(n_stats) + " mean/std values for " + std::to_string(c) + " channels");
    auto y = at::empty({c, h, w}, x.options());
    const auto* s = x.data_ptr<float>();
    auto* d = y.data_ptr<float>();
    const int64_t hw = h * w;
    for (int64_t k = 0; k < c; ++k) {
      const double m = mean[n_stats == 1 ? 0 : k], sd = std[n_stats == 1 ? 0 : k];
      float* dk = d + k * hw;
      for (int64_t i = 0; i < hw; ++i) {
        float v = s[i * c + k] / 255.0f;
        v = static_cast<float>(static_cast<double>(v) - m);
        dk[i] = static_cast<float>(static_cast<double>(v) / sd);
      }
    }
    *out = seg::wrap(y);
  )
}

// Counts of each label value of an integer HxW tensor: values[i], counts[i] for the distinct values (ascending),
// returned as a 2xK int64 tensor.
SEG_API(seg_imgops_value_counts, TensorH t, TensorH* out) {
  SEG_GUARD(
    auto x = seg::ref(t);
    if (!x.device().is_cpu()) throw seg::ArgumentError("value_counts expects a CPU tensor");
    if (x.scalar_type() == at::kByte) {
      auto c = x.contiguous();
      const auto* p = c.data_ptr<uint8_t>();
      int64_t hist[256] = {0};
      for (int64_t i = 0, n = c.numel(); i < n; ++i) hist[p[i]]++;
      std::vector<int64_t> v, k;
      for (int i = 0; i < 256; ++i)
        if (hist[i] > 0) { v.push_back(i); k.push_back(hist[i]); }
      auto r = at::empty({2, static_cast<int64_t>(v.size())}, at::kLong);
      for (size_t i = 0; i < v.size(); ++i) { r[0][i] = v[i]; r[1][i] = k[i]; }
      *out = seg::wrap(r);
    } else {
      auto u = at::_unique2(x.to(at::kLong).flatten(), true, false, true);
      *out = seg::wrap(at::stack({std::get<0>(u), std::get<2>(u)}));
    }
  )
}

// Copies a CPU tensor into page-locked memory when CUDA is available (faster, asynchronous host-to-device
// copies); otherwise returns the tensor itself. *pinned tells which happened.
SEG_API(seg_imgops_pin_if_cuda, TensorH t, int32_t* pinned, TensorH* out) {
  SEG_GUARD(
    const auto& x = seg::ref(t);
    if (x.device().is_cpu() && at::globalContext().hasCUDA()) {
      *out = seg::wrap(x.pin_memory());
      *pinned = 1;
    } else {
      *out = seg::wrap(x);
      *pinned = 0;
    }
  )
}

namespace {

// libgomp's omp_set_num_threads (a per-thread setting; libtorch's CPU kernels use OpenMP), looked up in the
// already-loaded libgomp so a libtorch without OpenMP still works (nothing to limit then).
using OmpSetNumThreads = void (*)(int);
OmpSetNumThreads omp_setter() {
  static OmpSetNumThreads fn = [] {
    void* lib = dlopen("libgomp.so.1", RTLD_LAZY | RTLD_NOLOAD);
    return lib == nullptr ? nullptr : reinterpret_cast<OmpSetNumThreads>(dlsym(lib, "omp_set_num_threads"));
  }();
  return fn;
}

}  // namespace

// Limits the intra-op (OpenMP) threads of the calling thread only: data-loader workers run their tensor work
// single-threaded, so N workers do not each start a full OpenMP team and spin against each other and training.
SEG_API(seg_imgops_limit_thread_parallelism, int32_t threads) {
  SEG_GUARD(
    if (threads < 1) throw seg::ArgumentError("threads must be at least 1");
    at::init_num_threads();
    if (auto set = omp_setter()) set(threads);
  )
}
