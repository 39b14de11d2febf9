// SyncBatchNorm (PyTorch's torch.nn.SyncBatchNorm, PaddleSeg's nn.SyncBatchNorm): batch statistics over the whole
// process group. Forward all_reduces the per-channel sum, sum of squares and count; backward all_reduces the
// per-channel sums of dy and dy·x̂, so the input gradient is the one of a single batch made of every rank's batch.
// The weight and bias gradients stay local; data parallelism averages them with the other parameters.
#include "seg_api.h"

#include <torch/csrc/autograd/custom_function.h>
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>

typedef c10::intrusive_ptr<c10d::ProcessGroup>* GroupH;

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

void all_reduce_sum(c10d::ProcessGroup* group, at::Tensor& t, int64_t timeout_ms) {
  c10d::AllreduceOptions opts;
  opts.timeout = std::chrono::milliseconds(timeout_ms);
  std::vector<at::Tensor> one{t};
  auto work = group->allreduce(one, opts);
  try {
    work->wait(std::chrono::milliseconds(timeout_ms));
  } catch (const std::exception& e) {
    TORCH_CHECK(false, "SyncBatchNorm all_reduce failed (timeout ", timeout_ms, " ms): ", e.what());
  }
}

at::Tensor channel(const at::Tensor& v) { return v.view({1, -1, 1, 1}); }

struct SyncBatchNormFn : public torch::autograd::Function<SyncBatchNormFn> {
  static at::Tensor forward(AutogradContext* ctx, at::Tensor x, at::Tensor weight, at::Tensor bias, at::Tensor running_mean,
                            at::Tensor running_var, double momentum, double eps, int64_t group_ptr, int64_t timeout_ms) {
    auto* group = reinterpret_cast<c10d::ProcessGroup*>(group_ptr);
    const int64_t c = x.size(1);
    auto xf = x.to(at::kDouble);
    auto stats = at::cat({xf.sum({0, 2, 3}), (xf * xf).sum({0, 2, 3}),
                          at::full({1}, static_cast<double>(x.numel() / c), xf.options())});
    all_reduce_sum(group, stats, timeout_ms);
    const double total = stats[2 * c].item<double>();
    TORCH_CHECK_VALUE(total > 1, "Expected more than 1 value per channel when training (over all ranks)");
    auto mean = stats.slice(0, 0, c) / total;
    auto var = (stats.slice(0, c, 2 * c) / total - mean * mean).clamp_min(0);
    if (running_mean.defined()) running_mean.mul_(1 - momentum).add_(mean.to(running_mean.scalar_type()), momentum);
    if (running_var.defined()) running_var.mul_(1 - momentum).add_((var * (total / (total - 1))).to(running_var.scalar_type()), momentum);
    auto invstd = (var + eps).rsqrt().to(x.scalar_type());
    mean = mean.to(x.scalar_type());
    auto xhat = (x - channel(mean)) * channel(invstd);
    auto y = xhat;
    if (weight.defined()) y = y * channel(weight);
    if (bias.defined()) y = y + channel(bias);
    ctx->save_for_backward({xhat, weight, invstd});
    ctx->saved_data["total"] = total;
    ctx->saved_data["group"] = group_ptr;
    ctx->saved_data["timeout"] = timeout_ms;
    ctx->saved_data["has_weight"] = weight.defined();
    ctx->saved_data["has_bias"] = bias.defined();
    return y;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    auto saved = ctx->get_saved_variables();
    auto xhat = saved[0], weight = saved[1], invstd = saved[2];
    auto dy = grads[0];
    const int64_t c = xhat.size(1);
    const double total = ctx->saved_data["total"].toDouble();
    auto* group = reinterpret_cast<c10d::ProcessGroup*>(ctx->saved_data["group"].toInt());
    auto sum_dy = dy.sum({0, 2, 3});
    auto sum_dy_xhat = (dy * xhat).sum({0, 2, 3});
    auto global = at::cat({sum_dy, sum_dy_xhat}).to(at::kDouble);
    all_reduce_sum(group, global, ctx->saved_data["timeout"].toInt());
    global = global.to(dy.scalar_type());
    auto scale = weight.defined() ? invstd * weight : invstd;
    auto dx = channel(scale) * (dy - channel(global.slice(0, 0, c) / total) - xhat * channel(global.slice(0, c, 2 * c) / total));
    at::Tensor dw = ctx->saved_data["has_weight"].toBool() ? sum_dy_xhat : at::Tensor();
    at::Tensor db = ctx->saved_data["has_bias"].toBool() ? sum_dy : at::Tensor();
    return {dx, dw, db, at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
  }
};

}  // namespace

// Batch norm over NCHW input with statistics across `group` in training; eval mode uses the running statistics
// as plain batch norm does.
SEG_API(seg_sync_batch_norm, GroupH group, TensorH input, TensorH running_mean, TensorH running_var, TensorH weight,
        TensorH bias, int32_t training, double momentum, double eps, int64_t timeout_ms, TensorH* out) {
  SEG_GUARD(
    if (group == nullptr) throw seg::ArgumentError("null process group handle");
    const auto& x = seg::ref(input);
    TORCH_CHECK_VALUE(x.dim() == 4, "SyncBatchNorm expects 4D input, got ", x.dim(), "D");
    auto rm = seg::opt(running_mean).value_or(at::Tensor());
    auto rv = seg::opt(running_var).value_or(at::Tensor());
    auto w = seg::opt(weight).value_or(at::Tensor());
    auto b = seg::opt(bias).value_or(at::Tensor());
    if (!training) {
      *out = seg::wrap(at::batch_norm(x, w, b, rm, rv, false, momentum, eps, false));
    } else {
      *out = seg::wrap(SyncBatchNormFn::apply(x, w, b, rm, rv, momentum, eps, reinterpret_cast<int64_t>(group->get()), timeout_ms));
    }
  )
}
