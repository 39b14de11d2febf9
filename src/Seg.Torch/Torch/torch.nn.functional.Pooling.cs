using Seg.Torch.Native;

namespace Seg.Torch;

// Max, average and adaptive pooling over [N, C, H, W] (or unbatched [C, H, W]). A stride of null means
// the kernel size; a 1-element array applies to both sides.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, long dilation = 1, bool ceil_mode = false) =>
                max_pool2d(input, [kernel_size], stride is { } s ? [s] : null, [padding], [dilation], ceil_mode);

            public static unsafe Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(kernel_size);
                long[] st = stride ?? [], pad = padding ?? [0], dil = dilation ?? [1];
                fixed (long* k = kernel_size, s = st, p = pad, d = dil)
                    return Tensor.Result(LibSegNative.seg_max_pool2d(input.handle, k, kernel_size.Length, s, st.Length, p, pad.Length, d, dil.Length, ceil_mode ? 1 : 0, out var r), r);
            }

            /// <summary>max_pool2d and the flat (H * W) index of each maximum, as return_indices=True.</summary>
            public static unsafe (Tensor output, Tensor indices) max_pool2d_with_indices(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(kernel_size);
                long[] st = stride ?? [], pad = padding ?? [0], dil = dilation ?? [1];
                IntPtr r, i;
                fixed (long* k = kernel_size, s = st, p = pad, d = dil)
                    Tensor.Check(LibSegNative.seg_max_pool2d_with_indices(input.handle, k, kernel_size.Length, s, st.Length, p, pad.Length, d, dil.Length, ceil_mode ? 1 : 0, out r, out i));
                return Pair(r, i);
            }

            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                avg_pool2d(input, [kernel_size], stride is { } s ? [s] : null, [padding], ceil_mode, count_include_pad, divisor_override);

            public static unsafe Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(kernel_size);
                long[] st = stride ?? [], pad = padding ?? [0];
                fixed (long* k = kernel_size, s = st, p = pad)
                    return Tensor.Result(LibSegNative.seg_avg_pool2d(input.handle, k, kernel_size.Length, s, st.Length, p, pad.Length, ceil_mode ? 1 : 0,
                        count_include_pad ? 1 : 0, divisor_override.HasValue ? 1 : 0, divisor_override ?? 0, out var r), r);
            }

            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => adaptive_avg_pool2d(input, [output_size, output_size]);

            public static unsafe Tensor adaptive_avg_pool2d(Tensor input, long[] output_size)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(output_size);
                fixed (long* o = output_size)
                    return Tensor.Result(LibSegNative.seg_adaptive_avg_pool2d(input.handle, o, output_size.Length, out var r), r);
            }

            public static Tensor adaptive_max_pool2d(Tensor input, long output_size) => adaptive_max_pool2d(input, [output_size, output_size]);

            public static Tensor adaptive_max_pool2d(Tensor input, long[] output_size)
            {
                var (output, indices) = adaptive_max_pool2d_with_indices(input, output_size);
                indices.Dispose();
                return output;
            }

            public static unsafe (Tensor output, Tensor indices) adaptive_max_pool2d_with_indices(Tensor input, long[] output_size)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(output_size);
                IntPtr r, i;
                fixed (long* o = output_size)
                    Tensor.Check(LibSegNative.seg_adaptive_max_pool2d(input.handle, o, output_size.Length, out r, out i));
                return Pair(r, i);
            }

            private static (Tensor, Tensor) Pair(IntPtr first, IntPtr second)
            {
                var a = new Tensor(first);
                try
                {
                    return (a, new Tensor(second));
                }
                catch
                {
                    a.Dispose();
                    throw;
                }
            }
        }
    }
}
