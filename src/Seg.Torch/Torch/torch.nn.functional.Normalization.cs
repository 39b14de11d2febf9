using Seg.Torch.Native;

namespace Seg.Torch;

// Batch normalization.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Batch normalization over dim 1. In training mode the batch statistics normalize the input and
            /// the running statistics (when given) are updated in place: r = (1 - momentum) * r + momentum * batch
            /// (unbiased variance); in eval mode the running statistics are used.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null, Tensor? bias = null,
                bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                ArgumentNullException.ThrowIfNull(input);
                return Tensor.Result(LibSegNative.seg_batch_norm(input.handle, NativeTensorArgs.Optional(running_mean), NativeTensorArgs.Optional(running_var),
                    NativeTensorArgs.Optional(weight), NativeTensorArgs.Optional(bias), training ? 1 : 0, momentum, eps, out var r), r);
            }
        }
    }
}
