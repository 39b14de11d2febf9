using Seg.Core.Registry;

namespace Seg.Models.Layers;

/// <summary>Paddle's F.interpolate modes used by the decoders (align_corners False).</summary>
public enum ResizeMode
{
    [ConfigName("bilinear")] Bilinear,
    [ConfigName("nearest")] Nearest,
    [ConfigName("bicubic")] Bicubic,
}
