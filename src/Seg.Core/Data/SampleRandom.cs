namespace Seg.Core.Data;

/// <summary>
/// The per-sample random stream: xoshiro256** seeded (through SplitMix64) from the run seed, the epoch and the
/// sample index, so a sample's augmentation depends on nothing else (not the worker count, not the order).
/// </summary>
public sealed class SampleRandom : ISampleRandom
{
    private ulong s0, s1, s2, s3;

    public SampleRandom(long seed, long epoch, long sampleIndex)
    {
        var x = Mix((ulong)seed) ^ Mix((ulong)epoch + 0x632BE59BD9B4E019UL) ^ Mix((ulong)sampleIndex * 0x9E3779B97F4A7C15UL + 0x1234567UL);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    public double Random() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + (high - low) * Random();

    public long RandInt(long low, long high)
    {
        if (high <= low) throw new ArgumentOutOfRangeException(nameof(high), $"randint needs low < high, got [{low}, {high})");
        var range = (ulong)(high - low);
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong v;
        do v = Next(); while (v >= limit);
        return low + (long)(v % range);
    }

    public int[] Permutation(int count)
    {
        var p = new int[count];
        for (var i = 0; i < count; i++) p[i] = i;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)RandInt(0, i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    public void Normal(double sigma, Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i += 2)
        {
            // Box-Muller: two independent normals per pair of uniforms.
            var u1 = 1.0 - Random();
            var u2 = Random();
            var r = Math.Sqrt(-2.0 * Math.Log(u1)) * sigma;
            destination[i] = (float)(r * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < destination.Length) destination[i + 1] = (float)(r * Math.Sin(2 * Math.PI * u2));
        }
    }

    private ulong Next()
    {
        var result = RotL(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotL(s3, 45);
        return result;
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
