using Seg.Torch.Native;

namespace Seg.Torch;

// Classification losses.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Cross entropy of logits [N, C] or [N, C, d1, ...] against class indices [N] / [N, d1, ...] (int64) or
            /// class probabilities shaped like the input. Mean reduction divides by the summed weights of the
            /// non-ignored targets.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                return Tensor.Result(LibSegNative.seg_cross_entropy(input.handle, target.handle, NativeTensorArgs.Optional(weight), ignore_index, (long)reduction, label_smoothing, out var r), r);
            }

            /// <summary>Negative log-likelihood of log-probabilities [N, C] or [N, C, d1, ...] against class indices.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                return Tensor.Result(LibSegNative.seg_nll_loss(input.handle, target.handle, NativeTensorArgs.Optional(weight), ignore_index, (long)reduction, out var r), r);
            }

            /// <summary>Sigmoid + binary cross entropy, numerically stable; pos_weight broadcasts over the last dim (classes).</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weight = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                return Tensor.Result(LibSegNative.seg_binary_cross_entropy_with_logits(input.handle, target.handle, NativeTensorArgs.Optional(weight),
                    NativeTensorArgs.Optional(pos_weight), (long)reduction, out var r), r);
            }
        }
    }
}
