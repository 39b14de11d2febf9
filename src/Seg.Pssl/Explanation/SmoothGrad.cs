using Seg.Core.Data;
using Seg.Pssl.Classification;
using Seg.Torch;

namespace Seg.Pssl.Explanation;

/// <summary>
/// SmoothGrad as InterpretDL computes it (spec §3): per image one σ = noise_amount · (max x − min x) over the whole
/// normalised tensor; n_samples copies x + ε with fresh i.i.d. ε ~ N(0, σ²) per element, not clipped; the gradient of
/// the fixed target's probability (or logit) for each copy; the signed average (<see cref="AverageGradient"/>); then
/// |·| summed over channels (<see cref="Explain"/>). The noise comes from the image's seed only, so the result does not
/// depend on the chunk size, the batch or the thread.
/// </summary>
public sealed class SmoothGrad : IExplainer
{
    public SmoothGrad(SmoothGradOptions? options = null)
    {
        Options = options ?? new SmoothGradOptions();
        Options.Validate();
    }

    public SmoothGradOptions Options { get; }

    public string Name => "smoothgrad";

    public Tensor Explain(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds)
    {
        using var average = AverageGradient(model, inputs, targets, seeds);
        return InputGradient.AbsChannelSum(average);
    }

    /// <summary>The signed mean input gradient over the noisy copies, [B, 3, H, W] (InterpretDL's <c>interpret()</c> result).</summary>
    public Tensor AverageGradient(IImageClassifier model, Tensor inputs, IReadOnlyList<long> targets, IReadOnlyList<long> seeds)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(seeds);
        var batch = inputs.shape[0];
        if (targets.Count != batch || seeds.Count != batch) throw new ArgumentException($"{batch} images need as many targets and seeds, got {targets.Count} and {seeds.Count}");
        using var scope = torch.NewDisposeScope();
        var perImage = new Tensor[batch];
        for (var b = 0; b < batch; b++)
        {
            var x = inputs.narrow(0, b, 1);
            var sigma = NoiseSigma(x, Options.NoiseAmount);
            var random = new SampleRandom(seeds[b], 0, 0);
            Tensor? sum = null;
            for (var done = 0; done < Options.Samples; done += Options.ChunkSize)
            {
                var count = Math.Min(Options.ChunkSize, Options.Samples - done);
                var noise = Noise(random, sigma, count, x.shape).to(x.device);
                var noisy = x.expand(count, x.shape[1], x.shape[2], x.shape[3]) + noise;
                var gradient = InputGradient.Compute(model, noisy, Enumerable.Repeat(targets[b], count).ToList(), Options.GradientOf).sum(0, keepdim: true);
                sum = sum is null ? gradient : sum + gradient;
            }
            perImage[b] = sum! / Options.Samples;
        }
        return scope.MoveToOuter(torch.cat(perImage, 0));
    }

    /// <summary>σ = <paramref name="noiseAmount"/> × (max − min) of one image's normalised tensor.</summary>
    public static double NoiseSigma(Tensor image, double noiseAmount)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var max = image.max();
        using var min = image.min();
        return noiseAmount * (max.item<float>() - (double)min.item<float>());
    }

    /// <summary><paramref name="count"/> noise tensors shaped like one image, drawn in order from <paramref name="random"/>.</summary>
    public static Tensor Noise(SampleRandom random, double sigma, int count, long[] imageShape)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(imageShape);
        var perImage = imageShape.Skip(1).Aggregate(1L, (a, d) => a * d);
        var values = new float[count * perImage];
        // One draw per copy, so that the noise of copy i does not depend on how the copies are chunked.
        if (sigma > 0)
            for (var i = 0; i < count; i++) random.Normal(sigma, values.AsSpan((int)(i * perImage), (int)perImage));
        return torch.tensor(values, [count, .. imageShape.Skip(1)]);
    }
}
