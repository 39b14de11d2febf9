using Seg.Torch.Native;

namespace Seg.Torch;

// Bilinear upsampling fused with cross-entropy (native/src/nn_upsample_ce.cpp), and the deferred upsample that
// lets a loss find the low-resolution logits behind a model's output.
public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// <c>interpolate(input, size, bilinear, align_corners)</c>, computed only when first used. Until
            /// then <see cref="Tensor.PendingUpsample"/> gives the low-resolution input, so a consumer such as
            /// <see cref="upsample_cross_entropy"/> can skip the full-resolution tensor altogether.
            /// </summary>
            public static Tensor upsample_bilinear_deferred(Tensor input, long[] size, bool align_corners = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(size);
                if (size.Length != 2 || size[0] <= 0 || size[1] <= 0)
                    throw new ArgumentException($"upsample_bilinear_deferred: size must be [H, W] with positive entries, got [{string.Join(", ", size)}]", nameof(size));
                var shape = input.shape;
                if (shape.Length != 4) throw new ArgumentException($"upsample_bilinear_deferred: input must be 4-D, got [{string.Join(", ", shape)}]", nameof(input));
                var source = input.alias().DetachFromDisposeScope();
                return Tensor.Deferred(new DeferredUpsample(source, [.. size], align_corners, is_grad_enabled()));
            }

            /// <summary>
            /// PaddleSeg's CrossEntropyLoss (top_k_percent_pixels 1, NCHW) of the bilinear upsample of <paramref name="input"/> [N, C, h, w] to <paramref name="size"/>, against labels [N, H, W]:
            /// <c>mean(mask·w[y]·nll) / (mean(mask·coef) + 1e-8)</c> (mask = non-ignored pixels when
            /// <paramref name="avg_non_ignore"/>, else 1; coef = w[y] with weights and avg_non_ignore, else 1).
            /// Forward and backward run from the low-resolution logits without the full-resolution ones. float32, CPU.
            /// </summary>
            public static Tensor upsample_cross_entropy(Tensor input, Tensor target, long[] size, Tensor? weight = null, long ignore_index = 255, bool avg_non_ignore = true, bool align_corners = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                ArgumentNullException.ThrowIfNull(size);
                if (size.Length != 2) throw new ArgumentException($"upsample_cross_entropy: size must be [H, W], got [{string.Join(", ", size)}]", nameof(size));
                return Tensor.Result(LibSegNative.seg_upsample_cross_entropy(input.handle, target.handle, NativeTensorArgs.Optional(weight), size[0], size[1], align_corners ? 1 : 0, ignore_index, avg_non_ignore ? 1 : 0, out var r), r);
            }

            /// <summary>
            /// The per-pixel <c>−log softmax(z)[y]</c> [N, H, W] of the bilinear upsample of <paramref name="input"/> [N, C, h, w]
            /// to <paramref name="size"/> against labels [N, H, W]; 0 at <paramref name="ignore_index"/>; no gradient, no
            /// full-resolution logits. float32, CPU.
            /// </summary>
            public static Tensor upsample_nll(Tensor input, Tensor target, long[] size, long ignore_index = 255, bool align_corners = false)
            {
                ArgumentNullException.ThrowIfNull(input);
                ArgumentNullException.ThrowIfNull(target);
                ArgumentNullException.ThrowIfNull(size);
                if (size.Length != 2) throw new ArgumentException($"upsample_nll: size must be [H, W], got [{string.Join(", ", size)}]", nameof(size));
                return Tensor.Result(LibSegNative.seg_upsample_nll(input.handle, target.handle, size[0], size[1], align_corners ? 1 : 0, ignore_index, out var r), r);
            }
        }
    }
}
