using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Resizes the long side to <c>max_long</c> / <c>min_long</c> only when it is out of that range. Records ('resize', (h, w)).</summary>
[SegComponent("LimitLong", ComponentKind.Transform)]
public sealed class LimitLong : ITransform
{
    public LimitLong(LimitLongOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options is { MaxLong: { } max, MinLong: { } min } && min > max)
            throw new ArgumentException($"LimitLong: max_long should not be smaller than min_long, but they are {max} and {min}");
        Options = options;
    }

    public LimitLongOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        sample.TransInfo.Add(new TransInfo(TransInfoKind.Resize, sample.Height, sample.Width));
        var longEdge = Math.Max(sample.Height, sample.Width);
        var target = longEdge;
        if (Options.MaxLong is { } max && longEdge > max) target = max;
        else if (Options.MinLong is { } min && longEdge < min) target = min;
        if (target != longEdge) TransformArgs.ResizeLong(sample, target);
    }
}
