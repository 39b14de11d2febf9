namespace Seg.Torch.Images;

/// <summary>The PIL ImageEnhance class reproduced by <see cref="ImageOps.pil_enhance"/>.</summary>
public enum PilEnhance
{
    Brightness = 0,
    Contrast = 1,
    Color = 2,
    Sharpness = 3,
}
