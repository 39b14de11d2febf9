// Losses (torch.nn.functional). `reduction` is the at::Reduction code: 0 none, 1 mean, 2 sum.
#include "seg_api.h"

using seg::opt;
using seg::ref;
using seg::wrap;

SEG_API(seg_cross_entropy, TensorH input, TensorH target, TensorH weight, int64_t ignore_index, int64_t reduction,
        double label_smoothing, TensorH* out) {
  SEG_GUARD(
    *out = wrap(at::cross_entropy_loss(ref(input), ref(target), opt(weight), reduction, ignore_index, label_smoothing));
  )
}

SEG_API(seg_nll_loss, TensorH input, TensorH target, TensorH weight, int64_t ignore_index, int64_t reduction,
        TensorH* out) {
  SEG_GUARD(*out = wrap(at::nll_loss_nd(ref(input), ref(target), opt(weight), reduction, ignore_index));)
}

SEG_API(seg_binary_cross_entropy_with_logits, TensorH input, TensorH target, TensorH weight, TensorH pos_weight,
        int64_t reduction, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(input);
    const auto& y = ref(target);
    TORCH_CHECK_VALUE(x.sizes() == y.sizes(), "Target size (", y.sizes(), ") must be the same as input size (",
                      x.sizes(), ")");
    *out = wrap(at::binary_cross_entropy_with_logits(x, y, opt(weight), opt(pos_weight), reduction));
  )
}
