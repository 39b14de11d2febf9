using Seg.Core.Registry;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// <c>img = (img/255 − mean)/std</c> per channel in float32 (the label is untouched). When it is the last
/// transform, <see cref="Compose"/> fuses it with the final HWC to CHW transpose (<see cref="ToChw"/>).
/// </summary>
[SegComponent("Normalize", ComponentKind.Transform)]
public sealed class Normalize : ITransform
{
    private readonly double[] mean;
    private readonly double[] std;

    public Normalize(NormalizeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        if (options.Mean is null || options.Std is null) throw new ArgumentException("Normalize: mean and std should be lists");
        if (options.Std.Aggregate(1.0, (a, b) => a * b) == 0) throw new ArgumentException($"Normalize: std is invalid (it contains 0): [{string.Join(", ", options.Std)}]");
        if (options.Mean.Count != options.Std.Count) throw new ArgumentException($"Normalize: mean has {options.Mean.Count} values but std has {options.Std.Count}");
        mean = [.. options.Mean];
        std = [.. options.Std];
    }

    public NormalizeOptions Options { get; }

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        using var chw = ToChw(sample.Image);
        using var hwc = chw.permute(1, 2, 0);
        sample.Image = hwc.contiguous();
    }

    /// <summary>The normalized image as float32 [C, H, W].</summary>
    public Tensor ToChw(Tensor imageHwc) => ImageOps.normalize_to_chw(imageHwc, mean, std);
}
