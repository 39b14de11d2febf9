using Seg.Torch.Native;

namespace Seg.Torch;

// linear, dropout and one_hot.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>input @ weight.T + bias, with weight [out_features, in_features].</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(weight);
                return Tensor.Result(LibSegNative.seg_linear(input.handle, weight.handle, NativeTensorArgs.Optional(bias), out var r), r);
            }

            /// <summary>Zeroes elements with probability p and scales the rest by 1 / (1 - p) when training; identity otherwise.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => Dropout(input, p, training, false, inplace);

            /// <summary>Zeroes whole channels of [N, C, H, W] with probability p when training.</summary>
            public static Tensor dropout2d(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => Dropout(input, p, training, true, inplace);

            private static Tensor Dropout(Tensor input, double p, bool training, bool feature, bool inplace)
            {
                ArgumentNullException.ThrowIfNull(input);
                if (p < 0.0 || p > 1.0 || double.IsNaN(p))
                    throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}");
                return Tensor.Result(LibSegNative.seg_dropout(input.handle, p, training ? 1 : 0, feature ? 1 : 0, inplace ? 1 : 0, out var r), r);
            }

            /// <summary>int64 [*, num_classes] one-hot of an int64 tensor; num_classes = -1 uses max + 1.</summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1)
            {
                ArgumentNullException.ThrowIfNull(tensor);
                return Tensor.Result(LibSegNative.seg_one_hot(tensor.handle, num_classes, out var r), r);
            }
        }
    }
}
