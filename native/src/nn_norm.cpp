// Normalization: batch_norm (torch.nn.functional).
#include "seg_api.h"

using seg::opt;
using seg::ref;
using seg::wrap;

// Like F.batch_norm: in training mode the running statistics (when given) are updated in place with
// `momentum`; cuDNN is used when the user has not disabled it, as PyTorch does.
SEG_API(seg_batch_norm, TensorH input, TensorH running_mean, TensorH running_var, TensorH weight, TensorH bias,
        int32_t training, double momentum, double eps, TensorH* out) {
  SEG_GUARD(
    const auto& x = ref(input);
    if (training) {
      int64_t size = x.dim() > 0 ? x.size(0) : 1;
      for (int64_t i = 2; i < x.dim(); ++i) size *= x.size(i);
      TORCH_CHECK_VALUE(size != 1, "Expected more than 1 value per channel when training, got input size ", x.sizes());
    }
    *out = wrap(at::batch_norm(x, opt(weight), opt(bias), opt(running_mean), opt(running_var), training != 0, momentum,
                               eps, at::globalContext().userEnabledCuDNN()));
  )
}
