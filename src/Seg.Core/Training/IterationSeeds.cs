namespace Seg.Core.Training;

/// <summary>
/// Torch's generator is reseeded at the start of every iteration from the run seed and the iteration, so what an
/// iteration draws (dropout, random init of lazily made tensors) does not depend on the iterations before it in
/// this process: a resumed run draws exactly what an uninterrupted one did.
/// </summary>
public static class IterationSeeds
{
    public static long For(long runSeed, int iteration)
    {
        // SplitMix64 finaliser over (seed, iteration): well-mixed, stable across platforms.
        var z = unchecked((ulong)runSeed + (0x9E3779B97F4A7C15UL * (ulong)(uint)iteration));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (long)(z & 0x7FFF_FFFF_FFFF_FFFFUL);
    }

    /// <summary>A fresh run seed when none was given.</summary>
    public static long NewRunSeed() => Random.Shared.NextInt64(0, int.MaxValue);
}
