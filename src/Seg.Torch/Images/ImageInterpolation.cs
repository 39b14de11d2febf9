namespace Seg.Torch.Images;

/// <summary>OpenCV interpolation flags, in cv2's numbering (INTER_NEAREST = 0, INTER_LINEAR = 1, ...).</summary>
public enum ImageInterpolation
{
    Nearest = 0,
    Linear = 1,
    Cubic = 2,
    Area = 3,
    Lanczos4 = 4,
}
