// Pooling: max/avg and their adaptive forms (torch.nn.functional).
#include "seg_api.h"

using seg::ints;
using seg::ref;
using seg::wrap;

SEG_API(seg_max_pool2d, TensorH input, const int64_t* kernel, int32_t nkernel, const int64_t* stride, int32_t nstride,
        const int64_t* padding, int32_t npadding, const int64_t* dilation, int32_t ndilation, int32_t ceil_mode,
        TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::max_pool2d(ref(input), ints(kernel, nkernel), ints(stride, nstride), ints(padding, npadding),
                               ints(dilation, ndilation), ceil_mode != 0));
  )
}

SEG_API(seg_max_pool2d_with_indices, TensorH input, const int64_t* kernel, int32_t nkernel, const int64_t* stride,
        int32_t nstride, const int64_t* padding, int32_t npadding, const int64_t* dilation, int32_t ndilation,
        int32_t ceil_mode, TensorH* out, TensorH* indices) {
  SEG_GUARD(
    auto r = at::max_pool2d_with_indices(ref(input), ints(kernel, nkernel), ints(stride, nstride),
                                         ints(padding, npadding), ints(dilation, ndilation), ceil_mode != 0);
    *out = wrap(std::get<0>(r));
    *indices = wrap(std::get<1>(r));
  )
}

// has_divisor == 0 means divisor_override is None.
SEG_API(seg_avg_pool2d, TensorH input, const int64_t* kernel, int32_t nkernel, const int64_t* stride, int32_t nstride,
        const int64_t* padding, int32_t npadding, int32_t ceil_mode, int32_t count_include_pad, int32_t has_divisor,
        int64_t divisor_override, TensorH* out) {
  SEG_GUARD(
    c10::optional<int64_t> divisor;
    if (has_divisor) divisor = divisor_override;
    *out = wrap(at::avg_pool2d(ref(input), ints(kernel, nkernel), ints(stride, nstride), ints(padding, npadding),
                               ceil_mode != 0, count_include_pad != 0, divisor));
  )
}

SEG_API(seg_adaptive_avg_pool2d, TensorH input, const int64_t* size, int32_t nsize, TensorH* out) {
  SEG_GUARD(*out = wrap(at::adaptive_avg_pool2d(ref(input), ints(size, nsize)));)
}

SEG_API(seg_adaptive_max_pool2d, TensorH input, const int64_t* size, int32_t nsize, TensorH* out, TensorH* indices) {
  SEG_GUARD(
    auto r = at::adaptive_max_pool2d(ref(input), ints(size, nsize));
    *out = wrap(std::get<0>(r));
    if (indices != nullptr) *indices = wrap(std::get<1>(r));
  )
}
