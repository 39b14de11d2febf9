namespace Seg.Torch.Images;

/// <summary>How <see cref="ImageIO"/> decodes an image. Every mode returns an HxWxC tensor.</summary>
public enum ImageReadMode
{
    /// <summary>
    /// As stored: 1 channel (grey), 3 (BGR) or 4 (BGRA, alpha kept). 8-bit samples give uint8; 16-bit
    /// samples (16-bit PNG/TIFF) give int32 with the exact values 0..65535 (libtorch 1.13 has no uint16).
    /// JPEG EXIF orientation is not applied.
    /// </summary>
    Unchanged = 0,

    /// <summary>One channel, HxWx1 uint8 (OpenCV's luma conversion, as cv2.IMREAD_GRAYSCALE).</summary>
    Grayscale = 1,

    /// <summary>Three channels in OpenCV's <b>BGR</b> order, HxWx3 uint8, exactly as cv2.imread(path).</summary>
    Color = 2,

    /// <summary>Three channels in RGB order, HxWx3 uint8 (cv2.imread followed by COLOR_BGR2RGB).</summary>
    RGB = 3,
}
