// Custom autocast op lists (PaddleSeg's auto_cast custom_white_list / custom_black_list): libtorch's autocast op
// lists are fixed when libtorch is built, so this file registers Autocast kernels of its own for the ops whose
// precision a list may change. Each kernel reads the calling thread's policy for its op: kDefault runs the op
// on its inputs as they are (what libtorch's autocast does for an op on none of its lists), kLower casts the
// floating inputs to the autocast dtype (a white-listed op), kFloat32 casts them to float32 (a black-listed op).
// The kernels are only reached inside an autocast region (the Autocast keys are off otherwise).
#include "seg_api.h"

#include <ATen/autocast_mode.h>
#include <torch/library.h>

#include <array>
#include <cstring>

namespace {

enum Policy : int32_t { kDefault = 0, kLower = 1, kFloat32 = 2 };

// The ops a list can name (aten names; the managed side maps Paddle's op names to these).
enum Op : int { kAdd, kBatchNorm, kUpsampleBilinear2d, kUpsampleNearest2d, kSoftmax, kLogSoftmax, kMean, kSum, kExp, kLog,
                kPow, kRsqrt, kReciprocal, kLayerNorm, kGroupNorm, kOpCount };

constexpr std::array<const char*, kOpCount> kOpNames = {
    "add", "batch_norm", "upsample_bilinear2d", "upsample_nearest2d", "softmax", "log_softmax", "mean", "sum",
    "exp", "log", "pow", "rsqrt", "reciprocal", "layer_norm", "group_norm"};

// Per thread, as libtorch's autocast state is.
thread_local std::array<int32_t, kOpCount> policies{};

int op_index(const char* name) {
  for (int i = 0; i < kOpCount; i++)
    if (std::strcmp(kOpNames[i], name) == 0) return i;
  std::string known;
  for (const auto* n : kOpNames) known += std::string(known.empty() ? "" : ", ") + n;
  throw seg::ArgumentError(std::string("autocast lists: no op '") + name + "' (known: " + known + ")");
}

template <c10::DeviceType Device>
at::ScalarType lower_dtype() {
  return Device == c10::DeviceType::CPU ? at::autocast::get_autocast_cpu_dtype() : at::autocast::get_autocast_gpu_dtype();
}

template <c10::DeviceType Device>
constexpr c10::DispatchKey autocast_key() {
  return Device == c10::DeviceType::CPU ? c10::DispatchKey::AutocastCPU : c10::DispatchKey::Autocast;
}

// The cast a policy asks for (cached for leaf weights, as libtorch's own autocast kernels do); the tensor itself
// for kDefault, and for tensors that are not floating point or live on another device.
template <c10::DeviceType Device>
at::Tensor cast(Op op, const at::Tensor& t) {
  switch (policies[op]) {
    case kLower: return at::autocast::cached_cast(lower_dtype<Device>(), t, Device);
    case kFloat32: return at::autocast::cached_cast(at::kFloat, t, Device);
    default: return t;
  }
}

template <c10::DeviceType Device>
c10::optional<at::Tensor> cast(Op op, const c10::optional<at::Tensor>& t) {
  if (!t.has_value() || !t->defined()) return t;
  return cast<Device>(op, *t);
}

// Leaves the autocast key for the calls below, as libtorch's autocast kernels do.
template <c10::DeviceType Device>
struct Redispatch {
  c10::impl::ExcludeDispatchKeyGuard guard{autocast_key<Device>()};
};

template <c10::DeviceType D>
at::Tensor add(const at::Tensor& a, const at::Tensor& b, const at::Scalar& alpha) {
  Redispatch<D> r;
  return at::add(cast<D>(kAdd, a), cast<D>(kAdd, b), alpha);
}

// Only the input is cast: scale, shift and the running statistics stay float32 (Paddle's fp16 batch_norm does the same).
template <c10::DeviceType D>
at::Tensor batch_norm(const at::Tensor& x, const c10::optional<at::Tensor>& weight, const c10::optional<at::Tensor>& bias,
                      const c10::optional<at::Tensor>& mean, const c10::optional<at::Tensor>& var, bool training,
                      double momentum, double eps, bool cudnn) {
  Redispatch<D> r;
  return at::batch_norm(cast<D>(kBatchNorm, x), weight, bias, mean, var, training, momentum, eps, cudnn);
}

template <c10::DeviceType D>
at::Tensor upsample_bilinear2d(const at::Tensor& x, at::OptionalSymIntArrayRef size, bool align_corners,
                               c10::optional<at::ArrayRef<double>> scales) {
  Redispatch<D> r;
  return at::_ops::upsample_bilinear2d_vec::call(cast<D>(kUpsampleBilinear2d, x), size, align_corners, scales);
}

template <c10::DeviceType D>
at::Tensor upsample_nearest2d(const at::Tensor& x, at::OptionalSymIntArrayRef size, c10::optional<at::ArrayRef<double>> scales) {
  Redispatch<D> r;
  return at::_ops::upsample_nearest2d_vec::call(cast<D>(kUpsampleNearest2d, x), size, scales);
}

template <c10::DeviceType D>
at::Tensor softmax(const at::Tensor& x, int64_t dim, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::softmax(cast<D>(kSoftmax, x), dim, dtype);
}

template <c10::DeviceType D>
at::Tensor log_softmax(const at::Tensor& x, int64_t dim, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::log_softmax(cast<D>(kLogSoftmax, x), dim, dtype);
}

template <c10::DeviceType D>
at::Tensor mean(const at::Tensor& x, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::mean(cast<D>(kMean, x), dtype);
}

template <c10::DeviceType D>
at::Tensor mean_dim(const at::Tensor& x, at::OptionalIntArrayRef dim, bool keepdim, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::mean(cast<D>(kMean, x), dim, keepdim, dtype);
}

template <c10::DeviceType D>
at::Tensor sum(const at::Tensor& x, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::sum(cast<D>(kSum, x), dtype);
}

template <c10::DeviceType D>
at::Tensor sum_dim(const at::Tensor& x, at::OptionalIntArrayRef dim, bool keepdim, c10::optional<at::ScalarType> dtype) {
  Redispatch<D> r;
  return at::sum(cast<D>(kSum, x), dim, keepdim, dtype);
}

template <c10::DeviceType D>
at::Tensor exp(const at::Tensor& x) {
  Redispatch<D> r;
  return at::exp(cast<D>(kExp, x));
}

template <c10::DeviceType D>
at::Tensor log(const at::Tensor& x) {
  Redispatch<D> r;
  return at::log(cast<D>(kLog, x));
}

template <c10::DeviceType D>
at::Tensor pow(const at::Tensor& x, const at::Scalar& exponent) {
  Redispatch<D> r;
  return at::pow(cast<D>(kPow, x), exponent);
}

template <c10::DeviceType D>
at::Tensor rsqrt(const at::Tensor& x) {
  Redispatch<D> r;
  return at::rsqrt(cast<D>(kRsqrt, x));
}

template <c10::DeviceType D>
at::Tensor reciprocal(const at::Tensor& x) {
  Redispatch<D> r;
  return at::reciprocal(cast<D>(kReciprocal, x));
}

template <c10::DeviceType D>
at::Tensor layer_norm(const at::Tensor& x, at::IntArrayRef shape, const c10::optional<at::Tensor>& weight,
                      const c10::optional<at::Tensor>& bias, double eps, bool cudnn) {
  Redispatch<D> r;
  return at::layer_norm(cast<D>(kLayerNorm, x), shape, cast<D>(kLayerNorm, weight), cast<D>(kLayerNorm, bias), eps, cudnn);
}

template <c10::DeviceType D>
at::Tensor group_norm(const at::Tensor& x, int64_t groups, const c10::optional<at::Tensor>& weight,
                      const c10::optional<at::Tensor>& bias, double eps, bool cudnn) {
  Redispatch<D> r;
  return at::group_norm(cast<D>(kGroupNorm, x), groups, cast<D>(kGroupNorm, weight), cast<D>(kGroupNorm, bias), eps, cudnn);
}

// CPU autocast in libtorch 1.13 has none of these ops on its lists.
TORCH_LIBRARY_IMPL(aten, AutocastCPU, m) {
  constexpr auto C = c10::DeviceType::CPU;
  m.impl("add.Tensor", TORCH_FN(add<C>));
  m.impl("batch_norm", TORCH_FN(batch_norm<C>));
  m.impl("upsample_bilinear2d.vec", TORCH_FN(upsample_bilinear2d<C>));
  m.impl("upsample_nearest2d.vec", TORCH_FN(upsample_nearest2d<C>));
  m.impl("softmax.int", TORCH_FN(softmax<C>));
  m.impl("log_softmax.int", TORCH_FN(log_softmax<C>));
  m.impl("mean", TORCH_FN(mean<C>));
  m.impl("mean.dim", TORCH_FN(mean_dim<C>));
  m.impl("sum", TORCH_FN(sum<C>));
  m.impl("sum.dim_IntList", TORCH_FN(sum_dim<C>));
  m.impl("exp", TORCH_FN(exp<C>));
  m.impl("log", TORCH_FN(log<C>));
  m.impl("pow.Tensor_Scalar", TORCH_FN(pow<C>));
  m.impl("rsqrt", TORCH_FN(rsqrt<C>));
  m.impl("reciprocal", TORCH_FN(reciprocal<C>));
  m.impl("layer_norm", TORCH_FN(layer_norm<C>));
  m.impl("group_norm", TORCH_FN(group_norm<C>));
}

// CUDA autocast already runs softmax, log_softmax, sum, exp, log, pow, rsqrt, reciprocal, layer_norm and group_norm
// in float32 (as Paddle's black list does); only the ops it leaves alone get a kernel here.
TORCH_LIBRARY_IMPL(aten, Autocast, m) {
  constexpr auto G = c10::DeviceType::CUDA;
  m.impl("add.Tensor", TORCH_FN(add<G>));
  m.impl("batch_norm", TORCH_FN(batch_norm<G>));
  m.impl("upsample_bilinear2d.vec", TORCH_FN(upsample_bilinear2d<G>));
  m.impl("upsample_nearest2d.vec", TORCH_FN(upsample_nearest2d<G>));
  m.impl("mean", TORCH_FN(mean<G>));
  m.impl("mean.dim", TORCH_FN(mean_dim<G>));
}

}  // namespace

// Sets the calling thread's policy for one op (0 default, 1 lower precision, 2 float32); *previous gives the old one.
SEG_API(seg_autocast_set_op_policy, const char* op, int32_t policy, int32_t* previous) {
  SEG_GUARD(
    if (op == nullptr) throw seg::ArgumentError("autocast lists: null op name");
    if (policy < kDefault || policy > kFloat32) throw seg::ArgumentError("autocast lists: policy must be 0, 1 or 2, got " + std::to_string(policy));
    const int i = op_index(op);
    *previous = policies[i];
    policies[i] = policy;
  )
}
