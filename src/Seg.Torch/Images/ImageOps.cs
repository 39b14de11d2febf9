using Seg.Torch.Native;

namespace Seg.Torch.Images;

/// <summary>
/// Per-image operations of the data pipeline on CPU <b>HxW</b> or <b>HxWxC</b> tensors (uint8, int32,
/// float32 or float64; every result is a new contiguous tensor). The geometric operations call OpenCV
/// and match Python's cv2 bit for bit (same library); <see cref="pil_enhance"/> and <see cref="pil_hue"/>
/// reproduce Pillow's arithmetic exactly. Sizes are given as (width, height), as in cv2.
/// </summary>
public static class ImageOps
{
    /// <summary>cv2.resize(image, (width, height), interpolation).</summary>
    public static Tensor resize(Tensor image, long width, long height, ImageInterpolation interpolation = ImageInterpolation.Linear)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_resize(image.handle, width, height, (int)interpolation, out var r), r);
    }

    /// <summary>cv2.copyMakeBorder(image, top, bottom, left, right, BORDER_CONSTANT, value) with the same value in every channel.</summary>
    public static Tensor pad(Tensor image, long top, long bottom, long left, long right, double value)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_pad_constant(image.handle, top, bottom, left, right, value, out var r), r);
    }

    /// <summary>cv2.warpAffine(image, matrix (2x3 row-major, 6 values), (width, height), interpolation, BORDER_CONSTANT, border_value).</summary>
    public static unsafe Tensor warp_affine(Tensor image, ReadOnlySpan<double> matrix, long width, long height, ImageInterpolation interpolation, double border_value)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (matrix.Length != 6) throw new ArgumentException($"warp_affine needs a 2x3 matrix (6 values), got {matrix.Length}", nameof(matrix));
        int rc;
        IntPtr r;
        fixed (double* m = matrix) rc = LibSegNative.seg_imgops_warp_affine(image.handle, m, width, height, (int)interpolation, border_value, out r);
        return Tensor.Result(rc, r);
    }

    /// <summary>cv2.getRotationMatrix2D((cx, cy), angle_degrees, scale) as 6 row-major values.</summary>
    public static unsafe double[] rotation_matrix_2d(double cx, double cy, double angle, double scale = 1.0)
    {
        var m = new double[6];
        fixed (double* p = m) Tensor.Check(LibSegNative.seg_imgops_rotation_matrix(cx, cy, angle, scale, p));
        return m;
    }

    /// <summary>OpenCV blur with an odd kernel size <paramref name="ksize"/> (medianBlur needs uint8 for ksize &gt; 5).</summary>
    public static Tensor blur(Tensor image, BlurKind kind, int ksize)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_blur(image.handle, (int)kind, ksize, out var r), r);
    }

    /// <summary>PIL ImageEnhance.<paramref name="op"/>(img).enhance(factor) on a uint8 HxWx3 (RGB) or HxWx1 (L) image.</summary>
    public static Tensor pil_enhance(Tensor image, PilEnhance op, double factor)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_pil_enhance(image.handle, (int)op, factor, out var r), r);
    }

    /// <summary>
    /// PaddleSeg's hue jitter on a uint8 HxWx3 RGB image: PIL RGB to HSV, hue = uint8(trunc(hue + delta)) with
    /// wrap-around, PIL HSV to RGB.
    /// </summary>
    public static Tensor pil_hue(Tensor image, double delta)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_pil_hue(image.handle, delta, out var r), r);
    }

    /// <summary>numpy's <c>astype('uint8')</c> of a float image: truncation toward zero, wrapping modulo 256.</summary>
    public static Tensor float_to_uint8(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Tensor.Result(LibSegNative.seg_imgops_float_to_u8(image.handle, out var r), r);
    }

    /// <summary>
    /// PaddleSeg's Normalize and the HWC to CHW transpose in one pass: <c>(image/255 - mean)/std</c> per channel,
    /// float32 [C, H, W]. One mean/std value applies to every channel.
    /// </summary>
    public static unsafe Tensor normalize_to_chw(Tensor image, ReadOnlySpan<double> mean, ReadOnlySpan<double> std)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (mean.Length != std.Length || mean.Length == 0) throw new ArgumentException($"mean and std need the same, non-zero length; got {mean.Length} and {std.Length}");
        int rc;
        IntPtr r;
        fixed (double* m = mean)
        fixed (double* s = std)
            rc = LibSegNative.seg_imgops_normalize_chw(image.handle, m, s, mean.Length, out r);
        return Tensor.Result(rc, r);
    }

    /// <summary>The distinct values of an integer CPU tensor and how often each occurs: a [2, K] int64 tensor (values; counts), ascending.</summary>
    public static Tensor value_counts(Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Tensor.Result(LibSegNative.seg_imgops_value_counts(labels.handle, out var r), r);
    }

    /// <summary>
    /// A page-locked (pinned) copy of a CPU tensor when CUDA is available, for fast asynchronous host-to-device
    /// copies; otherwise the same tensor data (a new handle). <paramref name="pinned"/> tells which.
    /// </summary>
    public static Tensor pin_if_cuda(Tensor tensor, out bool pinned)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var rc = LibSegNative.seg_imgops_pin_if_cuda(tensor.handle, out var p, out var r);
        var result = Tensor.Result(rc, r);
        pinned = p != 0;
        return result;
    }

    /// <summary>
    /// Limits libtorch's intra-op (OpenMP) threads for the <b>calling thread only</b> (data-loader workers call it
    /// with 1, so parallel workers do not oversubscribe the CPU).
    /// </summary>
    public static void limit_thread_parallelism(int threads) => Tensor.Check(LibSegNative.seg_imgops_limit_thread_parallelism(threads));
}
