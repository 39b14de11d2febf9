namespace Seg.Pssl.Explanation;

/// <summary>SmoothGrad's parameters with InterpretDL's defaults (spec §3.2).</summary>
public sealed record SmoothGradOptions
{
    /// <summary>Noisy copies per image.</summary>
    public int Samples { get; init; } = 50;

    /// <summary>σ = noise_amount × (max − min) of the normalised image, pooled over channels and pixels.</summary>
    public double NoiseAmount { get; init; } = 0.1;

    public GradientTarget GradientOf { get; init; } = GradientTarget.Probability;

    /// <summary>Noisy copies per forward/backward pass (memory against speed; the result does not depend on it).</summary>
    public int ChunkSize { get; init; } = 10;

    public void Validate()
    {
        if (Samples < 1) throw new ArgumentException($"SmoothGrad: n_samples must be at least 1, got {Samples}");
        if (NoiseAmount < 0 || !double.IsFinite(NoiseAmount)) throw new ArgumentException($"SmoothGrad: noise_amount must be a finite value ≥ 0, got {NoiseAmount}");
        if (ChunkSize < 1) throw new ArgumentException($"SmoothGrad: the chunk size must be at least 1, got {ChunkSize}");
    }
}
