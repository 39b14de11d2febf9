using Seg.Core.Registry;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// PaddleSeg's colour jitter through PIL: the image is truncated to uint8, the ops [brightness, contrast, saturation,
/// hue, sharpness] (hue only for 3 channels) are shuffled, and each runs when <c>uniform(0, 1) &lt; prob</c> with
/// <c>factor = uniform(1 − range, 1 + range)</c> (hue: <c>delta = uniform(−range, range)</c>); back to float32.
/// Draws: one permutation, then per op in that order <c>uniform(0, 1)</c> and, when applied, its factor.
/// </summary>
[SegComponent("RandomDistort", ComponentKind.Transform)]
public sealed class RandomDistort(RandomDistortOptions options) : ITransform
{
    /// <summary>The op order before shuffling (indices of the permutation draw).</summary>
    public static readonly IReadOnlyList<string> OpNames = ["brightness", "contrast", "saturation", "hue", "sharpness"];

    public RandomDistortOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var color = sample.Image.shape[^1] == 3;
        var ops = color ? new[] { 0, 1, 2, 3, 4 } : [0, 1, 2, 4];
        var order = random.Permutation(ops.Length);
        var img = ImageOps.float_to_uint8(sample.Image);
        try
        {
            foreach (var position in order)
            {
                var op = ops[position];
                var (range, prob) = op switch
                {
                    0 => (Options.BrightnessRange, Options.BrightnessProb),
                    1 => (Options.ContrastRange, Options.ContrastProb),
                    2 => (Options.SaturationRange, Options.SaturationProb),
                    3 => (Options.HueRange, Options.HueProb),
                    _ => (Options.SharpnessRange, Options.SharpnessProb),
                };
                if (!(random.Uniform(0, 1) < prob)) continue;
                Tensor next = op == 3
                    ? ImageOps.pil_hue(img, random.Uniform(-range, range))
                    : ImageOps.pil_enhance(img, op switch { 0 => PilEnhance.Brightness, 1 => PilEnhance.Contrast, 2 => PilEnhance.Color, _ => PilEnhance.Sharpness }, random.Uniform(1 - range, 1 + range));
                img.Dispose();
                img = next;
            }
            sample.Image = img.to(ScalarType.Float32);
        }
        finally
        {
            img.Dispose();
        }
    }
}
