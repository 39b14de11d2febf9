namespace Seg.Torch.Images;

/// <summary>The OpenCV blur of <see cref="ImageOps.blur"/>.</summary>
public enum BlurKind
{
    /// <summary>cv2.GaussianBlur(img, (k, k), 0, 0).</summary>
    Gaussian = 0,

    /// <summary>cv2.medianBlur(img, k).</summary>
    Median = 1,

    /// <summary>cv2.blur(img, (k, k)) (box filter).</summary>
    Box = 2,
}
