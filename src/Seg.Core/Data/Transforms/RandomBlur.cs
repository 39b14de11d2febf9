using Seg.Core.Registry;
using Seg.Torch;
using Seg.Torch.Images;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Blurs when <c>randint(0, n) == 0</c> with <c>n = int(1/prob)</c> (0 if prob ≤ 0, 1 if prob ≥ 1): radius
/// <c>randint(3, 10)</c> made odd and capped at 9; the image is cast to uint8 first. 'random' picks by
/// <c>random()</c>: &lt; 0.3 gaussian, &lt; 0.6 median, else box. The image stays float32.
/// </summary>
[SegComponent("RandomBlur", ComponentKind.Transform)]
public sealed class RandomBlur(RandomBlurOptions options) : ITransform
{
    public RandomBlurOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        var n = Options.Prob <= 0 ? 0 : Options.Prob >= 1 ? 1 : (long)(1.0 / Options.Prob);
        if (n <= 0 || random.RandInt(0, n) != 0) return;
        var radius = (int)random.RandInt(3, 10);
        if (radius % 2 != 1) radius++;
        if (radius > 9) radius = 9;
        var kind = Options.BlurType switch
        {
            BlurType.Median => BlurKind.Median,
            BlurType.Blur => BlurKind.Box,
            BlurType.Random => random.Random() switch { < 0.3 => BlurKind.Gaussian, < 0.6 => BlurKind.Median, _ => BlurKind.Box },
            _ => BlurKind.Gaussian,
        };
        using var u8 = ImageOps.float_to_uint8(sample.Image);
        using var blurred = ImageOps.blur(u8, kind, radius);
        sample.Image = blurred.to(ScalarType.Float32);
    }
}
