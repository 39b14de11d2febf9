// Image encoding to any format OpenCV writes, chosen by file extension (as cv2.imwrite does).
#include "seg_api.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstring>
#include <string>
#include <vector>

// Encodes a uint8 HxW or HxWxC (C = 1, 3, 4; BGR(A) order) CPU tensor as cv2.imencode(ext, img) does with
// default parameters: ext is ".png", ".jpg", ".jpeg", ".bmp", ... The buffer is freed with seg_image_buffer_free.
SEG_API(seg_image_encode_ext, const char* ext, TensorH t, uint8_t** out, int64_t* nbytes) {
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
    if (!cv::haveImageWriter(std::string("x") + ext))
      throw seg::ArgumentError(std::string("OpenCV has no image writer for '") + ext + "'");
    auto cx = x.contiguous();
    cv::Mat img(static_cast<int>(cx.size(0)), static_cast<int>(cx.size(1)), CV_8UC(static_cast<int>(c)), cx.data_ptr());
    std::vector<uchar> encoded;
    if (!cv::imencode(ext, img, encoded))
      throw std::runtime_error(std::string("OpenCV could not encode the image as ") + ext);
    auto* arr = new uint8_t[encoded.size()];
    std::memcpy(arr, encoded.data(), encoded.size());
    *out = arr;
    *nbytes = static_cast<int64_t>(encoded.size());
  )
}
