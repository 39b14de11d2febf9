using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Scales the short side to <c>short_size</c> (sides <c>int(round(side·short/min(h, w)))</c>). If the long side would
/// exceed <c>max_size</c>, the short size is reduced, and, as in PaddleSeg, the reduction persists for later samples.
/// Records ('resize', (h, w)).
/// </summary>
[SegComponent("ResizeByShort", ComponentKind.Transform)]
public sealed class ResizeByShort : ITransform
{
    private int shortSize;

    public ResizeByShort(ResizeByShortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ShortSize <= 0) throw new ArgumentException($"ResizeByShort: short_size must be positive, got {options.ShortSize}");
        Options = options;
        shortSize = options.ShortSize;
    }

    public ResizeByShortOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        sample.TransInfo.Add(new TransInfo(TransInfoKind.Resize, sample.Height, sample.Width));
        double h = sample.Height, w = sample.Width;
        double shortSide = Math.Min(h, w), longSide = Math.Max(h, w);
        if (Math.Round(longSide * shortSize / shortSide) > Options.MaxSize)
            Interlocked.Exchange(ref shortSize, (int)Math.Round(Options.MaxSize * shortSide / longSide));
        var s = Volatile.Read(ref shortSize);
        var scale = s / shortSide;
        TransformArgs.Resize(sample, (long)Math.Round(w * scale), (long)Math.Round(h * scale));
    }
}
