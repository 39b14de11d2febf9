// Autograd: backward, autograd.grad and retain_grad.
#include "seg_api.h"

using seg::ref;

namespace {
c10::optional<bool> tri(int32_t v) {
  if (v < 0) return c10::nullopt;
  return v != 0;
}
}  // namespace

// gradient may be null (implicit ones for a scalar); retain_graph < 0 means None (= create_graph).
SEG_API(seg_backward, TensorH t, TensorH gradient, int32_t retain_graph, int32_t create_graph) {
  SEG_GUARD(
    at::Tensor g = gradient == nullptr ? at::Tensor() : ref(gradient);
    ref(t).backward(g, tri(retain_graph), create_graph != 0);
  )
}

// grad_outputs: ngrad == 0 means None; a null entry means None for that output. The result array
// has one entry per input, null where the input is unused (allow_unused). Free with seg_handles_free.
SEG_API(seg_autograd_grad, const TensorH* outputs, int32_t noutputs, const TensorH* inputs, int32_t ninputs,
        const TensorH* grad_outputs, int32_t ngrad, int32_t retain_graph, int32_t create_graph, int32_t allow_unused,
        TensorH** out, int64_t* count) {
  SEG_GUARD(
    auto outs = seg::tensors(outputs, noutputs);
    auto ins = seg::tensors(inputs, ninputs);
    std::vector<at::Tensor> grads;
    if (ngrad > 0) {
      if (ngrad != noutputs)
        throw seg::ArgumentError("grad_outputs has " + std::to_string(ngrad) + " tensors but outputs has " +
                                 std::to_string(noutputs));
      for (int32_t i = 0; i < ngrad; ++i) grads.push_back(grad_outputs[i] == nullptr ? at::Tensor() : *grad_outputs[i]);
    }
    auto r = torch::autograd::grad(outs, ins, grads, tri(retain_graph), create_graph != 0, allow_unused != 0);
    auto* arr = new TensorH[r.size()];
    for (size_t i = 0; i < r.size(); ++i) arr[i] = r[i].defined() ? seg::wrap(r[i]) : nullptr;
    *out = arr;
    *count = static_cast<int64_t>(r.size());
  )
}

SEG_API(seg_tensor_retain_grad, TensorH t) {
  SEG_GUARD(ref(t).retain_grad();)
}

SEG_API(seg_tensor_retains_grad, TensorH t, int32_t* out) {
  SEG_GUARD(*out = ref(t).retains_grad() ? 1 : 0;)
}
