using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Scales the long side to <c>long_size</c> (sides <c>int(round(side·scale))</c>). Records ('resize', (h, w)).</summary>
[SegComponent("ResizeByLong", ComponentKind.Transform)]
public sealed class ResizeByLong : ITransform
{
    public ResizeByLong(ResizeByLongOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.LongSize <= 0) throw new ArgumentException($"ResizeByLong: long_size must be positive, got {options.LongSize}");
        Options = options;
    }

    public ResizeByLongOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        sample.TransInfo.Add(new TransInfo(TransInfoKind.Resize, sample.Height, sample.Width));
        TransformArgs.ResizeLong(sample, Options.LongSize);
    }
}
