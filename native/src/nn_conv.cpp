// Convolutions: conv2d and conv_transpose2d (torch.nn.functional).
#include "seg_api.h"

using seg::ints;
using seg::ref;
using seg::wrap;

SEG_API(seg_conv2d, TensorH input, TensorH weight, TensorH bias, const int64_t* stride, int32_t nstride,
        const int64_t* padding, int32_t npadding, const int64_t* dilation, int32_t ndilation, int64_t groups,
        TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::conv2d(ref(input), ref(weight), seg::opt(bias), ints(stride, nstride), ints(padding, npadding),
                           ints(dilation, ndilation), groups));
  )
}

SEG_API(seg_conv_transpose2d, TensorH input, TensorH weight, TensorH bias, const int64_t* stride, int32_t nstride,
        const int64_t* padding, int32_t npadding, const int64_t* output_padding, int32_t noutput_padding,
        int64_t groups, const int64_t* dilation, int32_t ndilation, TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::conv_transpose2d(ref(input), ref(weight), seg::opt(bias), ints(stride, nstride),
                                     ints(padding, npadding), ints(output_padding, noutput_padding), groups,
                                     ints(dilation, ndilation)));
  )
}
