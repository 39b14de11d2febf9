// Bulk operations over a module's (or optimizer's) parameter list: one call for all parameters.
#include "seg_api.h"

using seg::ref;

namespace {
at::Tensor converted(const at::Tensor& t, int32_t dtype, int32_t device_type, int32_t device_index) {
  auto st = (dtype < 0 || !t.is_floating_point()) ? t.scalar_type() : seg::dtype(dtype);
  auto dev = device_type < 0 ? t.device() : seg::device(device_type, device_index);
  return t.to(dev, st);
}
}  // namespace

// As Module.zero_grad / Optimizer.zero_grad: drop the gradients, or zero them in place.
SEG_API(seg_params_zero_grad, const TensorH* params, int32_t n, int32_t set_to_none) {
  SEG_GUARD(
    for (int32_t k = 0; k < n; ++k) {
      auto& g = ref(params[k]).mutable_grad();
      if (!g.defined()) continue;
      if (set_to_none) {
        g.reset();
      } else {
        if (g.grad_fn()) g.detach_(); else g.requires_grad_(false);
        g.zero_();
      }
    }
  )
}

// Moves/converts each tensor in place, keeping its identity (as Module._apply's `param.data = fn(param)`),
// gradients included. dtype < 0 keeps the dtype, and only floating-point tensors change dtype (as
// Module.to(dtype)); device_type < 0 keeps the device.
SEG_API(seg_tensors_move_, const TensorH* ts, int32_t n, int32_t dtype, int32_t device_type, int32_t device_index) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    for (int32_t k = 0; k < n; ++k) {
      const auto& t = ref(ts[k]);
      auto moved = converted(t, dtype, device_type, device_index);
      if (moved.unsafeGetTensorImpl() == t.unsafeGetTensorImpl()) continue;
      at::Tensor grad = t.grad();
      if (grad.defined()) grad = converted(grad, dtype, device_type, device_index);
      t.set_data(moved);
      if (grad.defined()) t.mutable_grad() = grad;
    }
  )
}
