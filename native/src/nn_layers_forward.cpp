// Minimal forward entry points for the layers of Seg.Torch.Modules (conv, batch norm, linear, relu,
// dropout, pools), used until torch.nn.functional lands; 2-D pairs arrive as int64[2] arrays.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

SEG_API(seg_layer_conv2d, TensorH input, TensorH weight, TensorH bias, const int64_t* stride, const int64_t* padding,
        const int64_t* dilation, int64_t groups, TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::conv2d(ref(input), ref(weight), seg::opt(bias), seg::ints(stride, 2), seg::ints(padding, 2),
                           seg::ints(dilation, 2), groups));
  )
}

// Updates running_mean/running_var in place when training (momentum in PyTorch's convention).
SEG_API(seg_layer_batch_norm, TensorH input, TensorH weight, TensorH bias, TensorH running_mean, TensorH running_var,
        int32_t training, double momentum, double eps, TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::batch_norm(ref(input), seg::opt(weight), seg::opt(bias), seg::opt(running_mean),
                               seg::opt(running_var), training != 0, momentum, eps,
                               at::globalContext().userEnabledCuDNN()));
  )
}

SEG_API(seg_layer_linear, TensorH input, TensorH weight, TensorH bias, TensorH* out) {
  SEG_GUARD(*out = wrap(at::linear(ref(input), ref(weight), seg::opt(bias)));)
}

SEG_API(seg_layer_relu, TensorH input, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    auto x = ref(input);
    *out = wrap(inplace ? at::relu_(x) : at::relu(x));
  )
}

SEG_API(seg_layer_dropout, TensorH input, double p, int32_t training, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    auto x = ref(input);
    *out = wrap(inplace ? at::dropout_(x, p, training != 0) : at::dropout(x, p, training != 0));
  )
}

SEG_API(seg_layer_max_pool2d, TensorH input, const int64_t* kernel_size, const int64_t* stride, const int64_t* padding,
        const int64_t* dilation, int32_t ceil_mode, TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::max_pool2d(ref(input), seg::ints(kernel_size, 2), seg::ints(stride, 2), seg::ints(padding, 2),
                               seg::ints(dilation, 2), ceil_mode != 0));
  )
}

// divisor_override <= 0 means none.
SEG_API(seg_layer_avg_pool2d, TensorH input, const int64_t* kernel_size, const int64_t* stride, const int64_t* padding,
        int32_t ceil_mode, int32_t count_include_pad, int64_t divisor_override, TensorH* out) {
  SEG_GUARD(
    c10::optional<int64_t> div;
    if (divisor_override > 0) div = divisor_override;
    *out = wrap(at::avg_pool2d(ref(input), seg::ints(kernel_size, 2), seg::ints(stride, 2), seg::ints(padding, 2),
                               ceil_mode != 0, count_include_pad != 0, div));
  )
}

SEG_API(seg_layer_adaptive_avg_pool2d, TensorH input, const int64_t* output_size, TensorH* out) {
  SEG_GUARD(*out = wrap(at::adaptive_avg_pool2d(ref(input), seg::ints(output_size, 2)));)
}
