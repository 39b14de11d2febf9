using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Scales by a factor drawn uniformly from <c>np.linspace(min, max, int((max − min)/step + 1))</c> (or continuously
/// when the step is 0): <c>w = int(round(s·W))</c>, <c>h = int(round(s·H))</c>. Draw: <c>randint(0, n)</c> picks the factor
/// (PaddleSeg shuffles the list and takes the first, the same distribution), or <c>uniform(min, max)</c>.
/// </summary>
[SegComponent("ResizeStepScaling", ComponentKind.Transform)]
public sealed class ResizeStepScaling : ITransform
{
    private readonly double[] factors;

    public ResizeStepScaling(ResizeStepScalingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinScaleFactor > options.MaxScaleFactor)
            throw new ArgumentException($"ResizeStepScaling: min_scale_factor must be less than max_scale_factor, but they are {options.MinScaleFactor} and {options.MaxScaleFactor}");
        Options = options;
        factors = options.ScaleStepSize == 0 || options.MinScaleFactor == options.MaxScaleFactor
            ? []
            : Linspace(options.MinScaleFactor, options.MaxScaleFactor, (int)((options.MaxScaleFactor - options.MinScaleFactor) / options.ScaleStepSize + 1));
    }

    public ResizeStepScalingOptions Options { get; }

    /// <summary>The candidate factors (empty when the scale is fixed or continuous).</summary>
    public IReadOnlyList<double> Factors => factors;

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        double scale;
        if (Options.MinScaleFactor == Options.MaxScaleFactor) scale = Options.MinScaleFactor;
        else if (Options.ScaleStepSize == 0) scale = random.Uniform(Options.MinScaleFactor, Options.MaxScaleFactor);
        else scale = factors[random.RandInt(0, factors.Length)];
        var w = (long)Math.Round(scale * sample.Width);
        var h = (long)Math.Round(scale * sample.Height);
        TransformArgs.Resize(sample, w, h);
    }

    // numpy.linspace: start + i·step with step = (stop − start)/(num − 1), the last value exactly stop.
    private static double[] Linspace(double start, double stop, int num)
    {
        if (num <= 0) return [start];
        var result = new double[num];
        var div = num - 1;
        var step = div > 0 ? (stop - start) / div : 0;
        for (var i = 0; i < num; i++) result[i] = i * step + start;
        if (num > 1) result[^1] = stop;
        return result;
    }
}
