using Seg.Core.Registry;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// Up to 10 tries: area <c>·uniform(min_scale, 1)</c>, aspect <c>uniform(aspect_ratio, 1/aspect_ratio)</c>,
/// <c>dw = int(√(area·ar))</c>, <c>dh = int(√(area/ar))</c>, swapped when <c>randint(0, 10) &lt; 5</c>; the first crop that
/// fits (<c>dh &lt; H</c> and <c>dw &lt; W</c>) at <c>(randint(0, H − dh), randint(0, W − dw))</c> is resized back to H×W.
/// </summary>
[SegComponent("RandomScaleAspect", ComponentKind.Transform)]
public sealed class RandomScaleAspect(RandomScaleAspectOptions options) : ITransform
{
    public RandomScaleAspectOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (Options.MinScale == 0 || Options.AspectRatio == 0) return;
        long h = sample.Height, w = sample.Width;
        for (var i = 0; i < 10; i++)
        {
            var area = (double)(h * w);
            var target = area * random.Uniform(Options.MinScale, 1.0);
            var ar = random.Uniform(Options.AspectRatio, 1.0 / Options.AspectRatio);
            var dw = (long)Math.Sqrt(target * 1.0 * ar);
            var dh = (long)Math.Sqrt(target * 1.0 / ar);
            if (random.RandInt(0, 10) < 5) (dw, dh) = (dh, dw);
            if (dh < h && dw < w)
            {
                var top = random.RandInt(0, h - dh);
                var left = random.RandInt(0, w - dw);
                TransformArgs.Crop(sample, top, left, dh, dw);
                TransformArgs.Resize(sample, w, h);
                return;
            }
        }
    }
}
