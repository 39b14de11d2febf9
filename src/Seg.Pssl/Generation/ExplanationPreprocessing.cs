using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Pssl.Generation;

/// <summary>
/// InterpretDL's preprocessing (spec §3.1): decode to RGB, resize the short side to <c>resize_to</c> (bilinear; sizes
/// rounded half to even as Python's round), no crop, <c>(x/255 − mean)/std</c> with ImageNet's mean and std, float32 [3, H', W'].
/// </summary>
public static class ExplanationPreprocessing
{
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406];
    public static readonly double[] ImageNetStd = [0.229, 0.224, 0.225];

    /// <summary>The resized (width, height) for a short side of <paramref name="shortSide"/>.</summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shortSide)
    {
        var scale = (double)shortSide / Math.Min(width, height);
        return ((int)Math.Round(width * scale, MidpointRounding.ToEven), (int)Math.Round(height * scale, MidpointRounding.ToEven));
    }

    /// <summary>Reads <paramref name="path"/> and returns the normalised [3, H', W'] tensor and the original size.</summary>
    public static (Tensor Input, int Width, int Height) Load(string path, int shortSide)
    {
        using var bgr = ImageIO.read_image(path, ImageReadMode.Color);
        return FromBgr(bgr, shortSide);
    }

    /// <summary>The same from a decoded uint8 BGR HxWx3 image.</summary>
    public static (Tensor Input, int Width, int Height) FromBgr(Tensor bgr, int shortSide)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var (height, width) = ((int)bgr.shape[0], (int)bgr.shape[1]);
        using var rgb = ImageIO.bgr_to_rgb(bgr);
        using var image = rgb.to(ScalarType.Float32);
        var (w, h) = ResizedSize(width, height, shortSide);
        using var resized = w == width && h == height ? image.clone() : ImageOps.resize(image, w, h, ImageInterpolation.Linear);
        return (ImageOps.normalize_to_chw(resized, ImageNetMean, ImageNetStd), width, height);
    }
}
