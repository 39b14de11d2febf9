// In-place initialisation of module tensors (torch.nn.init). The fan and gain arithmetic lives on the
// managed side; these draw from libtorch's default generator, so a seed gives PyTorch's exact values.
#include "seg_api.h"

using seg::ref;

SEG_API(seg_init_uniform_, TensorH t, double from, double to) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    ref(t).uniform_(from, to);
  )
}

SEG_API(seg_init_normal_, TensorH t, double mean, double std) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    ref(t).normal_(mean, std);
  )
}

SEG_API(seg_init_fill_, TensorH t, double d, int64_t i, int32_t kind) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    ref(t).fill_(seg::scalar(d, i, kind));
  )
}

// As torch.nn.init.trunc_normal_: normal(mean, std) truncated to [a, b] by inverse-CDF sampling.
SEG_API(seg_init_trunc_normal_, TensorH t, double mean, double std, double a, double b) {
  SEG_GUARD(
    at::NoGradGuard no_grad;
    auto norm_cdf = [](double x) { return (1. + std::erf(x / std::sqrt(2.))) / 2.; };
    auto l = norm_cdf((a - mean) / std);
    auto u = norm_cdf((b - mean) / std);
    auto& x = ref(t);
    x.uniform_(2 * l - 1, 2 * u - 1);
    x.erfinv_();
    x.mul_(std * std::sqrt(2.));
    x.add_(mean);
    x.clamp_(a, b);
  )
}
