// Pointwise activations (torch.nn.functional). One entry point dispatches on a kind code so the
// managed side stays a table; in-place forms return a new handle to the input tensor.
#include "seg_api.h"

using seg::ref;
using seg::wrap;

namespace {
enum Kind : int32_t {
  kRelu = 0, kRelu6 = 1, kLeakyRelu = 2, kHardswish = 3, kHardsigmoid = 4, kGelu = 5, kGeluTanh = 6,
  kSigmoid = 7, kSilu = 8, kTanh = 9, kElu = 10,
};

at::Tensor apply(int32_t kind, const at::Tensor& x, double param) {
  switch (kind) {
    case kRelu: return at::relu(x);
    case kRelu6: return at::hardtanh(x, 0.0, 6.0);
    case kLeakyRelu: return at::leaky_relu(x, param);
    case kHardswish: return at::hardswish(x);
    case kHardsigmoid: return at::hardsigmoid(x);
    case kGelu: return at::gelu(x, "none");
    case kGeluTanh: return at::gelu(x, "tanh");
    case kSigmoid: return at::sigmoid(x);
    case kSilu: return at::silu(x);
    case kTanh: return at::tanh(x);
    case kElu: return at::elu(x, param);
    default: throw seg::ArgumentError("unknown activation kind " + std::to_string(kind));
  }
}

void apply_(int32_t kind, at::Tensor& x, double param) {
  switch (kind) {
    case kRelu: at::relu_(x); return;
    case kRelu6: at::hardtanh_(x, 0.0, 6.0); return;
    case kLeakyRelu: at::leaky_relu_(x, param); return;
    case kHardswish: at::hardswish_(x); return;
    case kHardsigmoid: at::hardsigmoid_(x); return;
    case kSigmoid: at::sigmoid_(x); return;
    case kSilu: at::silu_(x); return;
    case kTanh: at::tanh_(x); return;
    case kElu: at::elu_(x, param); return;
    default: throw seg::ArgumentError("activation kind " + std::to_string(kind) + " has no in-place form");
  }
}
}  // namespace

SEG_API(seg_activation, int32_t kind, TensorH input, double param, int32_t inplace, TensorH* out) {
  SEG_GUARD(
    if (inplace) {
      at::Tensor x = ref(input);
      apply_(kind, x, param);
      *out = wrap(x);
    } else {
      *out = wrap(apply(kind, ref(input), param));
    }
  )
}
