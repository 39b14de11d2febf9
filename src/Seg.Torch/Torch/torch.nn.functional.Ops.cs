using Seg.Torch.Native;

namespace Seg.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // softmax, log_softmax and pad (thin wrappers over the tensor ops).
        public static partial class functional
        {
            public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => In(input).softmax(dim, dtype);

            public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => In(input).log_softmax(dim, dtype);

            /// <summary>
            /// Pads the last dims: <paramref name="pad"/> is (left, right) for the last dim, then (top, bottom)
            /// for the one before, ... as PyTorch's F.pad. <paramref name="value"/> is used by Constant only.
            /// </summary>
            public static unsafe Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(pad);
                var code = mode switch
                {
                    PaddingModes.Constant or PaddingModes.Zeros => 0,
                    PaddingModes.Reflect => 1,
                    PaddingModes.Replicate => 2,
                    PaddingModes.Circular => 3,
                    _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown padding mode"),
                };
                if (mode == PaddingModes.Zeros) value = 0;
                fixed (long* p = pad)
                    return Tensor.Result(LibSegNative.seg_pad(input.handle, p, pad.Length, code, value, out var r), r);
            }
        }
    }
}
