namespace Seg.Pssl.Demo;

// SplitMix64: a tiny generator whose sequence depends only on the seed (System.Random's may change between runtimes).
internal sealed class DemoRandom(ulong seed)
{
    private ulong state = seed;

    public ulong NextULong()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [low, high).</summary>
    public int Next(int low, int high) => low + (int)(NextULong() % (ulong)(high - low));

    /// <summary>A generator for item <paramref name="index"/> of stream <paramref name="stream"/>, independent of how many draws others made.</summary>
    public static DemoRandom For(int seed, int stream, int index) =>
        new(new DemoRandom(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 20) ^ (uint)index).NextULong());
}
