// linear, dropout and one_hot (torch.nn.functional).
#include "seg_api.h"

using seg::ref;
using seg::wrap;

SEG_API(seg_linear, TensorH input, TensorH weight, TensorH bias, TensorH* out) {
  SEG_GUARD(*out = wrap(at::linear(ref(input), ref(weight), seg::opt(bias)));)
}

// feature != 0 zeroes whole channels (dropout2d); in-place forms return a new handle to the input.
SEG_API(seg_dropout, TensorH input, double p, int32_t training, int32_t feature, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    bool train = training != 0;
    if (inplace) {
      at::Tensor x = ref(input);
      if (feature) at::feature_dropout_(x, p, train);
      else at::dropout_(x, p, train);
      *out = wrap(x);
    } else {
      *out = wrap(feature ? at::feature_dropout(ref(input), p, train) : at::dropout(ref(input), p, train));
    }
  )
}

SEG_API(seg_one_hot, TensorH input, int64_t num_classes, TensorH* out) {
  SEG_GUARD(*out = wrap(at::one_hot(ref(input), num_classes));)
}
