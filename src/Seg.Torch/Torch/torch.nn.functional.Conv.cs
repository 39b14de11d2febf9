using Seg.Torch.Native;

namespace Seg.Torch;

// Convolutions.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>2-D convolution over [N, C, H, W] (or unbatched [C, H, W]); a 1-element array applies to both sides.</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[]? padding = null, long[]? dilation = null, long groups = 1) =>
                Conv2d(input, weight, bias, stride, padding ?? [0], dilation ?? [1], groups);

            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long dilation = 1, long groups = 1) =>
                Conv2d(input, weight, bias, [stride], [padding], [dilation], groups);

            private static unsafe Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] dilation, long groups)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(weight);
                ArgumentNullException.ThrowIfNull(stride);
                fixed (long* s = stride, p = padding, d = dilation)
                    return Tensor.Result(LibSegNative.seg_conv2d(input.handle, weight.handle, NativeTensorArgs.Optional(bias),
                        s, stride.Length, p, padding.Length, d, dilation.Length, groups, out var r), r);
            }

            /// <summary>Transposed 2-D convolution; weight is [C_in, C_out / groups, kH, kW].</summary>
            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[]? padding = null, long[]? output_padding = null, long groups = 1, long[]? dilation = null) =>
                ConvTranspose2d(input, weight, bias, stride, padding ?? [0], output_padding ?? [0], groups, dilation ?? [1]);

            public static Tensor conv_transpose2d(Tensor input, Tensor weight, Tensor? bias = null, long stride = 1, long padding = 0, long output_padding = 0, long groups = 1, long dilation = 1) =>
                ConvTranspose2d(input, weight, bias, [stride], [padding], [output_padding], groups, [dilation]);

            private static unsafe Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias, long[] stride, long[] padding, long[] output_padding, long groups, long[] dilation)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(weight);
                ArgumentNullException.ThrowIfNull(stride);
                fixed (long* s = stride, p = padding, op = output_padding, d = dilation)
                    return Tensor.Result(LibSegNative.seg_conv_transpose2d(input.handle, weight.handle, NativeTensorArgs.Optional(bias),
                        s, stride.Length, p, padding.Length, op, output_padding.Length, groups, d, dilation.Length, out var r), r);
            }
        }
    }
}
