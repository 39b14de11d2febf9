using Seg.Core.Registry;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Resizes to <c>target_size</c> (w, h), or with <c>keep_ratio</c> by <c>min(max(target)/max(img), min(target)/min(img))</c>
/// (sides rounded), then rounds each side up to a multiple of <c>size_divisor</c>. Records ('resize', (h, w)).
/// </summary>
[SegComponent("Resize", ComponentKind.Transform)]
public sealed class Resize : ITransform
{
    private readonly (int Width, int Height) target;

    public Resize(ResizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        target = TransformArgs.Size(options.TargetSize, "Resize", "target_size");
        if (options.SizeDivisor is <= 0) throw new ArgumentException($"Resize: size_divisor must be positive, got {options.SizeDivisor}");
    }

    public ResizeOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        sample.TransInfo.Add(new TransInfo(TransInfoKind.Resize, sample.Height, sample.Width));
        var interp = Options.Interp == ResizeInterp.Random ? (ResizeInterp)random.RandInt(0, 5) : Options.Interp;
        long w = target.Width, h = target.Height;
        if (Options.KeepRatio)
        {
            double ih = sample.Height, iw = sample.Width;
            var scale = Math.Min((double)Math.Max(w, h) / Math.Max(ih, iw), (double)Math.Min(w, h) / Math.Min(ih, iw));
            w = (long)Math.Round(iw * scale);
            h = (long)Math.Round(ih * scale);
        }
        if (Options.SizeDivisor is { } d)
        {
            w = (w + d - 1) / d * d;
            h = (h + d - 1) / d * d;
        }
        TransformArgs.Resize(sample, w, h, (ImageInterpolation)(int)interp);
    }
}
