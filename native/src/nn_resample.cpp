// Resampling behind F.interpolate. The managed side applies PyTorch's argument rules (exactly one of
// size/scale_factor, align_corners only for interpolating modes); here mode and rank pick the op.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

namespace {
enum Mode : int32_t { kNearest = 0, kBilinear = 2, kBicubic = 3 };
}  // namespace

// nsize == 0: no size; nscales == 0: no scale factors.
SEG_API(seg_interpolate, TensorH input, int32_t mode, const int64_t* size, int32_t nsize, const double* scales,
        int32_t nscales, int32_t align_corners, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(input);
    at::OptionalIntArrayRef output_size;
    if (nsize > 0) output_size = seg::ints(size, nsize);
    c10::optional<at::ArrayRef<double>> scale_factors;
    if (nscales > 0) scale_factors = at::ArrayRef<double>(scales, static_cast<size_t>(nscales));
    auto dim = x.dim();
    at::Tensor r;
    if (mode == kNearest && dim == 3) r = at::upsample_nearest1d(x, output_size, scale_factors);
    else if (mode == kNearest && dim == 4) r = at::upsample_nearest2d(x, output_size, scale_factors);
    else if (mode == kNearest && dim == 5) r = at::upsample_nearest3d(x, output_size, scale_factors);
    else if (mode == kBilinear && dim == 4) r = at::upsample_bilinear2d(x, output_size, align_corners != 0, scale_factors);
    else if (mode == kBicubic && dim == 4) r = at::upsample_bicubic2d(x, output_size, align_corners != 0, scale_factors);
    else throw seg::ArgumentError("interpolate: mode " + std::to_string(mode) + " does not support " + std::to_string(dim) + "-D input");
    *out = wrap(std::move(r));
  )
}
