// Image decode/encode through OpenCV (imgcodecs): bytes <-> uint8 HWC tensors.
// Channel order is OpenCV's (BGR / BGRA) unless the caller asks for RGB.
#include "seg_api.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstring>

namespace {

// Managed ImageReadMode.
enum ReadMode : int32_t { kUnchanged = 0, kGrayscale = 1, kColor = 2, kRgb = 3 };

bool starts_with(const uint8_t* p, int64_t n, const char* magic, size_t m) {
  return n >= static_cast<int64_t>(m) && std::memcmp(p, magic, m) == 0;
}

const char* format_of(const uint8_t* p, int64_t n) {
  if (starts_with(p, n, "\x89PNG\r\n\x1a\n", 8)) return "PNG";
  if (starts_with(p, n, "\xff\xd8\xff", 3)) return "JPEG";
  if (starts_with(p, n, "BM", 2)) return "BMP";
  if (starts_with(p, n, "II*\0", 4) || starts_with(p, n, "MM\0*", 4)) return "TIFF";
  if (starts_with(p, n, "RIFF", 4) && n >= 12 && std::memcmp(p + 8, "WEBP", 4) == 0) return "WebP";
  return nullptr;
}

// libjpeg decodes a truncated JPEG with only a warning (the missing rows come out grey); we refuse it,
// as PIL does, by requiring the end-of-image marker.
bool jpeg_has_end_marker(const uint8_t* p, int64_t n) {
  for (int64_t i = n - 2; i >= 2; --i)
    if (p[i] == 0xff && p[i + 1] == 0xd9) return true;
  return false;
}

int imread_flags(int32_t mode) {
  switch (mode) {
    case kUnchanged: return cv::IMREAD_UNCHANGED;
    case kGrayscale: return cv::IMREAD_GRAYSCALE;
    case kColor:
    case kRgb: return cv::IMREAD_COLOR;
    default: throw seg::ArgumentError("unknown image read mode " + std::to_string(mode));
  }
}

// A tensor viewing the Mat's pixels; the tensor keeps the Mat (and so its buffer) alive.
at::Tensor to_tensor(cv::Mat mat) {
  if (!mat.isContinuous()) mat = mat.clone();
  auto* keep = new cv::Mat(mat);
  std::vector<int64_t> shape{keep->rows, keep->cols, keep->channels()};
  auto st = keep->depth() == CV_8U ? at::kByte : at::kInt;
  return at::from_blob(keep->data, shape, [keep](void*) { delete keep; }, at::TensorOptions().dtype(st));
}

}  // namespace

// Decodes an encoded image (PNG, JPEG, BMP, TIFF, WebP: whatever this OpenCV reads) into an HxWxC tensor.
// mode: 0 unchanged (1, 3 or 4 channels as stored; 16-bit samples become int32), 1 grayscale (HxWx1),
// 2 color (HxWx3, BGR), 3 color RGB (HxWx3).
SEG_API(seg_image_decode, const uint8_t* data, int64_t nbytes, int32_t mode, TensorH* out) {
  SEG_GUARD(
    auto flags = imread_flags(mode);
    if (data == nullptr || nbytes <= 0) throw std::runtime_error("the image data is empty");
    const char* format = format_of(data, nbytes);
    if (format == nullptr) throw std::runtime_error("not a recognized image format (expected PNG, JPEG, BMP, TIFF or WebP)");
    if (std::strcmp(format, "JPEG") == 0 && !jpeg_has_end_marker(data, nbytes))
      throw std::runtime_error("truncated JPEG data (no end-of-image marker)");
    cv::Mat buf(1, static_cast<int>(nbytes), CV_8U, const_cast<uint8_t*>(data));
    cv::Mat img = cv::imdecode(buf, flags);
    if (img.empty()) throw std::runtime_error(std::string("corrupt or truncated ") + format + " data");
    if (mode == kRgb) cv::cvtColor(img, img, cv::COLOR_BGR2RGB);
    switch (img.depth()) {
      case CV_8U: break;
      // torch 1.13 has no uint16: int32 holds every 16-bit value exactly.
      case CV_16U: img.convertTo(img, CV_32S); break;
      default: throw std::runtime_error("unsupported sample type (only 8-bit and 16-bit unsigned images are read)");
    }
    *out = seg::wrap(to_tensor(img));
  )
}

// Encodes a uint8 HxW or HxWxC (C = 1, 3, 4) CPU tensor as cv2.imencode(ext, img) does: ext is ".png", ".jpg",
// ".bmp", ... (JPEG at OpenCV's default quality 95). rgb != 0: the channels are RGB(A) rather than OpenCV's BGR(A).
// png_compression 0..9 sets IMWRITE_PNG_COMPRESSION; -1 keeps OpenCV's defaults. The buffer is freed with
// seg_image_buffer_free.
SEG_API(seg_image_encode, const char* ext, TensorH t, int32_t rgb, int32_t png_compression, uint8_t** out, int64_t* nbytes) {
  SEG_GUARD(
    if (ext == nullptr || ext[0] != '.') throw seg::ArgumentError("encode expects an extension starting with '.'");
    const auto& x = seg::ref(t);
    if (x.scalar_type() != at::kByte)
      throw seg::ArgumentError(std::string("encode expects a uint8 tensor, got ") + c10::toString(x.scalar_type()));
    if (!x.device().is_cpu()) throw seg::ArgumentError("encode expects a CPU tensor, got one on " + x.device().str());
    if (x.dim() != 2 && x.dim() != 3)
      throw seg::ArgumentError("encode expects an HxW or HxWxC image, got shape " + c10::str(x.sizes()));
    int64_t c = x.dim() == 3 ? x.size(2) : 1;
    if (c != 1 && c != 3 && c != 4)
      throw seg::ArgumentError("encode expects 1, 3 or 4 channels, got shape " + c10::str(x.sizes()));
    if (x.size(0) < 1 || x.size(1) < 1 || x.size(0) > INT32_MAX || x.size(1) > INT32_MAX)
      throw seg::ArgumentError("encode cannot encode an image of shape " + c10::str(x.sizes()));
    if (png_compression < -1 || png_compression > 9)
      throw seg::ArgumentError("PNG compression level must be in 0..9, got " + std::to_string(png_compression));
    if (!cv::haveImageWriter(std::string("x") + ext))
      throw seg::ArgumentError(std::string("OpenCV has no image writer for '") + ext + "'");
    auto cx = x.contiguous();
    cv::Mat img(static_cast<int>(cx.size(0)), static_cast<int>(cx.size(1)), CV_8UC(static_cast<int>(c)), cx.data_ptr());
    cv::Mat bgr = img;
    if (rgb != 0 && c == 3) cv::cvtColor(img, bgr, cv::COLOR_RGB2BGR);
    if (rgb != 0 && c == 4) cv::cvtColor(img, bgr, cv::COLOR_RGBA2BGRA);
    std::vector<int> params;
    if (png_compression >= 0) params = {cv::IMWRITE_PNG_COMPRESSION, png_compression};
    std::vector<uchar> encoded;
    if (!cv::imencode(ext, bgr, encoded, params))
      throw std::runtime_error(std::string("OpenCV could not encode the image as ") + ext);
    auto* arr = new uint8_t[encoded.size()];
    std::memcpy(arr, encoded.data(), encoded.size());
    *out = arr;
    *nbytes = static_cast<int64_t>(encoded.size());
  )
}

SEG_API(seg_image_buffer_free, uint8_t* buffer) {
  SEG_GUARD(delete[] buffer;)
}

// Swaps the first and third channel of an HxWxC tensor (C = 3 or 4): BGR <-> RGB, BGRA <-> RGBA.
SEG_API(seg_image_swap_rb, TensorH t, TensorH* out) {
  SEG_GUARD(
    const auto& x = seg::ref(t);
    if (x.dim() < 1 || (x.size(-1) != 3 && x.size(-1) != 4))
      throw seg::ArgumentError("expected a channels-last image with 3 or 4 channels, got shape " + c10::str(x.sizes()));
    std::vector<int64_t> order{2, 1, 0};
    if (x.size(-1) == 4) order.push_back(3);
    auto idx = at::tensor(order, at::TensorOptions().dtype(at::kLong).device(x.device()));
    *out = seg::wrap(x.index_select(-1, idx));
  )
}
