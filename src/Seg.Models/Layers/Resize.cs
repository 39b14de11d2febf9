namespace Seg.Models.Layers;

/// <summary>Paddle's F.interpolate(x, size, mode) with its default align_corners=False.</summary>
public static class Resize
{
    [ThreadStatic] private static bool? deferLogitsOverride;

    /// <summary>
    /// Whether <see cref="Logits"/> defers the training-time upsample (on unless the environment sets
    /// SEG_FUSED_UPSAMPLE_LOSS=0); settable per thread, for the tests and benchmarks that compare both paths.
    /// </summary>
    public static bool DeferTrainingLogits
    {
        get => deferLogitsOverride ?? Environment.GetEnvironmentVariable("SEG_FUSED_UPSAMPLE_LOSS") != "0";
        set => deferLogitsOverride = value;
    }

    public static long[] SpatialSize(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var shape = x.shape;
        return [shape[^2], shape[^1]];
    }

    public static Tensor To(Tensor x, long[] size, ResizeMode mode, bool alignCorners = false) => mode switch
    {
        ResizeMode.Nearest => torch.nn.functional.interpolate(x, size, mode: InterpolationMode.Nearest),
        ResizeMode.Bicubic => torch.nn.functional.interpolate(x, size, mode: InterpolationMode.Bicubic, align_corners: alignCorners),
        _ => torch.nn.functional.interpolate(x, size, mode: InterpolationMode.Bilinear, align_corners: alignCorners),
    };

    /// <summary>
    /// A model's final bilinear resize of its logits to the input size. In training it is deferred
    /// (<see cref="torch.nn.functional.upsample_bilinear_deferred"/>): CrossEntropyLoss then computes the loss
    /// from the low-resolution logits without the full-resolution ones, and any other consumer gets the same
    /// values computed on first use.
    /// </summary>
    public static Tensor Logits(Tensor logits, long[] size, bool training, bool alignCorners = false) =>
        training && DeferTrainingLogits
            ? torch.nn.functional.upsample_bilinear_deferred(logits, size, alignCorners)
            : To(logits, size, ResizeMode.Bilinear, alignCorners);
}
