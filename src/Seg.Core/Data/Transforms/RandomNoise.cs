using Seg.Core.Registry;
using Seg.Torch;

namespace Seg.Core.Data.Transforms;

/// <summary>
/// When <c>random() &lt; prob</c>: adds Gaussian noise with <c>σ = random()·max_sigma</c> (float64, as
/// <c>np.random.normal</c>, added to the float32 image) and clips to [0, 255].
/// </summary>
[SegComponent("RandomNoise", ComponentKind.Transform)]
public sealed class RandomNoise(RandomNoiseOptions options) : ITransform
{
    public RandomNoiseOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public void Apply(SegSample sample, ISampleRandom random)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(random);
        if (!(random.Random() < Options.Prob)) return;
        var sigma = random.Random() * Options.MaxSigma;
        using var f = sample.Image.to(ScalarType.Float32);
        var pixels = f.data<float>();
        var noise = new float[pixels.Length];
        random.Normal(sigma, noise);
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = (float)((double)pixels[i] + noise[i]);
            pixels[i] = v > 255 ? 255 : v < 0 ? 0 : v;
        }
        sample.Image = torch.tensor(pixels, f.shape);
    }
}
