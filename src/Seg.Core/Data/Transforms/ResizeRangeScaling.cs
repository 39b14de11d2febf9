using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>Resizes the long side to <c>int(np.random.uniform(min_value, max_value) + 0.5)</c>.</summary>
[SegComponent("ResizeRangeScaling", ComponentKind.Transform)]
public sealed class ResizeRangeScaling : ITransform
{
    public ResizeRangeScaling(ResizeRangeScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinValue > options.MaxValue)
            throw new ArgumentException($"ResizeRangeScaling: min_value must be less than max_value, but they are {options.MinValue} and {options.MaxValue}");
        Options = options;
    }

    public ResizeRangeScalingOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var size = Options.MinValue == Options.MaxValue ? Options.MaxValue : (long)(random.Uniform(Options.MinValue, Options.MaxValue) + 0.5);
        TransformArgs.ResizeLong(sample, size);
    }
}
