// Fused per-parameter optimizer steps: one call per parameter, the exact op sequence of PyTorch 1.13's
// single-tensor (foreach=False, the default) SGD, Adam and AdamW, so results match bit for bit.
#include "seg_api.h"

#include <cmath>

using seg::ref;
using seg::wrap;

// SGD. `buf` is the momentum buffer or null before the first step; when a buffer is created it is
// returned in *new_buf (else *new_buf is null). A parameter without a gradient is skipped.
SEG_API(seg_optim_sgd_step, TensorH param, TensorH buf, double lr, double momentum, double dampening,
        double weight_decay, int32_t nesterov, int32_t maximize, TensorH* new_buf) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    *new_buf = nullptr;
    auto p = ref(param);
    const auto& g = p.grad();
    if (!g.defined()) return 0;
    at::Tensor d_p = maximize ? g.neg() : g;
    if (weight_decay != 0) d_p = d_p.add(p, weight_decay);
    if (momentum != 0) {
      at::Tensor b;
      if (buf == nullptr) {
        b = d_p.clone().detach();
        *new_buf = wrap(b);
      } else {
        b = ref(buf);
        b.mul_(momentum).add_(d_p, 1 - dampening);
      }
      d_p = nesterov ? d_p.add(b, momentum) : b;
    }
    p.add_(d_p, -lr);
  )
}

// Adam (decoupled = 0) or AdamW (decoupled = 1). `step` is the step count after this step (>= 1).
// The state tensors are null before the first step: they are then created (zeros like the parameter) and
// returned in created[0..2] (exp_avg, exp_avg_sq, max_exp_avg_sq when amsgrad), else created[] is null.
// *stepped is 0 when the parameter has no gradient (nothing changes) and 1 otherwise.
SEG_API(seg_optim_adam_step, TensorH param, TensorH exp_avg, TensorH exp_avg_sq, TensorH max_exp_avg_sq,
        double step, double lr, double beta1, double beta2, double eps, double weight_decay, int32_t amsgrad,
        int32_t maximize, int32_t decoupled, TensorH* created, int32_t* stepped) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    created[0] = created[1] = created[2] = nullptr;
    *stepped = 0;
    auto p = ref(param);
    const auto& g0 = p.grad();
    if (!g0.defined()) return 0;
    *stepped = 1;
    at::Tensor m, v, vmax;
    if (exp_avg == nullptr) {
      m = at::zeros_like(p, at::MemoryFormat::Preserve);
      v = at::zeros_like(p, at::MemoryFormat::Preserve);
      if (amsgrad) vmax = at::zeros_like(p, at::MemoryFormat::Preserve);
      created[0] = wrap(m);
      created[1] = wrap(v);
      if (amsgrad) created[2] = wrap(vmax);
    } else {
      m = ref(exp_avg);
      v = ref(exp_avg_sq);
      if (amsgrad) vmax = ref(max_exp_avg_sq);
    }
    at::Tensor grad = maximize ? g0.neg() : g0;
    if (decoupled) {
      p.mul_(1 - lr * weight_decay);
    } else if (weight_decay != 0) {
      grad = grad.add(p, weight_decay);
    }
    m.mul_(beta1).add_(grad, 1 - beta1);
    v.mul_(beta2).addcmul_(grad, grad, 1 - beta2);
    double bias_correction1 = 1 - std::pow(beta1, step);
    double bias_correction2 = 1 - std::pow(beta2, step);
    double step_size = lr / bias_correction1;
    double bias_correction2_sqrt = std::sqrt(bias_correction2);
    at::Tensor denom;
    if (amsgrad) {
      at::maximum_out(vmax, vmax, v);
      denom = (vmax.sqrt() / bias_correction2_sqrt).add_(eps);
    } else {
      denom = (v.sqrt() / bias_correction2_sqrt).add_(eps);
    }
    p.addcdiv_(m, denom, -step_size);
  )
}
