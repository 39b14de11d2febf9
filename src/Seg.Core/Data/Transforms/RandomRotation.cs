using Seg.Core.Registry;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Rotates by <c>uniform(−max_rotation, max_rotation)</c> degrees around <c>(w//2, h//2)</c> onto an enlarged canvas
/// <c>(int(h·|sin| + w·|cos|), int(h·|cos| + w·|sin|))</c>: bilinear image, nearest labels, constant borders.
/// </summary>
[SegComponent("RandomRotation", ComponentKind.Transform)]
public sealed class RandomRotation(RandomRotationOptions options) : ITransform
{
    public RandomRotationOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (!(Options.MaxRotation > 0)) return;
        long h = sample.Height, w = sample.Width;
        var angle = random.Uniform(-Options.MaxRotation, Options.MaxRotation);
        long cx = w / 2, cy = h / 2;
        var r = ImageOps.rotation_matrix_2d(cx, cy, angle, 1.0);
        var cos = Math.Abs(r[0]);
        var sin = Math.Abs(r[1]);
        var nw = (long)(h * sin + w * cos);
        var nh = (long)(h * cos + w * sin);
        r[2] += nw / 2.0 - cx;
        r[5] += nh / 2.0 - cy;
        sample.Geometric(
            img => ImageOps.warp_affine(img, r, nw, nh, ImageInterpolation.Linear, Options.ImPaddingValue),
            lbl => WarpLabel(lbl, r, nw, nh));
    }

    // OpenCV's warpAffine has no int32 path: such labels go through float32 (exact for ids below 2^24).
    private Seg.Torch.Tensor WarpLabel(Seg.Torch.Tensor label, double[] r, long nw, long nh)
    {
        if (label.dtype != Seg.Torch.ScalarType.Int32) return ImageOps.warp_affine(label, r, nw, nh, ImageInterpolation.Nearest, Options.LabelPaddingValue);
        using var f = label.to(Seg.Torch.ScalarType.Float32);
        using var warped = ImageOps.warp_affine(f, r, nw, nh, ImageInterpolation.Nearest, Options.LabelPaddingValue);
        return warped.to(Seg.Torch.ScalarType.Int32);
    }
}
