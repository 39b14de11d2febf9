namespace Seg.Models.Layers;

/// <summary>Paddle's F.interpolate(x, size, mode) with its default align_corners=False.</summary>
public static class Resize
{
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
}
