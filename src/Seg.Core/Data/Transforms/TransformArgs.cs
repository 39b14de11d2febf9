using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

// Argument checks and the image/label pair operations shared by the transforms.
internal static class TransformArgs
{
    /// <summary>A PaddleSeg (w, h) pair given as a YAML list of two positive integers.</summary>
    internal static (int Width, int Height) Size(IReadOnlyList<int>? value, string transform, string key)
    {
        if (value is null) throw new ArgumentException($"{transform}: `{key}` should be a list or tuple of 2 elements (w, h), but it is None");
        if (value.Count != 2) throw new ArgumentException($"{transform}: `{key}` should include 2 elements (w, h), but it is [{string.Join(", ", value)}]");
        return (value[0], value[1]);
    }

    /// <summary>cv2.resize of the image (bilinear or <paramref name="interp"/>) and of the gt_fields (nearest).</summary>
    internal static void Resize(SegSample sample, long width, long height, ImageInterpolation interp = ImageInterpolation.Linear) =>
        sample.Geometric(img => ImageOps.resize(img, width, height, interp), lbl => ImageOps.resize(lbl, width, height, ImageInterpolation.Nearest));

    /// <summary>PaddleSeg's functional.resize_long: the long side becomes <paramref name="longSize"/>, sides int(round(side·scale)).</summary>
    internal static void ResizeLong(SegSample sample, long longSize)
    {
        var scale = (double)longSize / Math.Max(sample.Height, sample.Width);
        Resize(sample, (long)Math.Round(sample.Width * scale), (long)Math.Round(sample.Height * scale));
    }

    /// <summary>Bottom/right constant padding of the image and gt_fields (cv2.copyMakeBorder).</summary>
    internal static void PadBottomRight(SegSample sample, long padHeight, long padWidth, double imValue, double labelValue) =>
        sample.Geometric(img => ImageOps.pad(img, 0, padHeight, 0, padWidth, imValue), lbl => ImageOps.pad(lbl, 0, padHeight, 0, padWidth, labelValue));

    /// <summary>img[top:top+h, left:left+w] (and the gt_fields), as a contiguous copy.</summary>
    internal static void Crop(SegSample sample, long top, long left, long height, long width) =>
        sample.Geometric(img => Slice(img, top, left, height, width), lbl => Slice(lbl, top, left, height, width));

    internal static Tensor Slice(Tensor t, long top, long left, long height, long width)
    {
        using var rows = t.narrow(0, top, height);
        using var cols = rows.narrow(1, left, width);
        return cols.contiguous();
    }

    internal static Tensor Flip(Tensor t, long dim)
    {
        return t.flip(dim);
    }
}
