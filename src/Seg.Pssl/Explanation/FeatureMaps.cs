using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>Brings a feature-resolution map [B, 1, h, w] to the input's resolution as [B, H, W] (bilinear, align_corners false).</summary>
internal static class FeatureMaps
{
    internal static Tensor ToInput(Tensor map, Tensor inputs)
    {
        using var up = torch.nn.functional.interpolate(map, [inputs.shape[2], inputs.shape[3]], null, InterpolationMode.Bilinear, align_corners: false);
        return up.squeeze(1);
    }
}
