namespace Seg.Pssl.Generation;

/// <summary>
/// PSSL's deciles (spec §7): Z(p) is the 0-based ascending rank of pixel p under a stable sort by (value, linear index),
/// D(p) = ⌊10·Z(p)/N⌋ in integer arithmetic, and the object is D = 9: exactly N − ⌈0.9·N⌉ pixels.
/// </summary>
public static class DecileQuantizer
{
    /// <summary>D(p) ∈ {0..9} for every pixel of <paramref name="map"/> (any order of values; NaN is refused).</summary>
    public static byte[] Deciles(ReadOnlySpan<float> map)
    {
        var n = map.Length;
        var order = new int[n];
        var keys = new float[n];
        for (var i = 0; i < n; i++)
        {
            if (float.IsNaN(map[i])) throw new ArgumentException($"the map holds NaN at pixel {i}", nameof(map));
            order[i] = i;
            keys[i] = map[i];
        }
        // Array.Sort is unstable; sorting by (value, index) makes the rank total and deterministic.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var deciles = new byte[n];
        for (long z = 0; z < n; z++) deciles[order[z]] = (byte)(10 * z / n);
        return deciles;
    }

    /// <summary>The top-decile mask: 1 where D = 9, else 0.</summary>
    public static byte[] TopDecileMask(ReadOnlySpan<float> map)
    {
        var deciles = Deciles(map);
        for (var i = 0; i < deciles.Length; i++) deciles[i] = deciles[i] == 9 ? (byte)1 : (byte)0;
        return deciles;
    }

    /// <summary>How many pixels the top decile of an N-pixel map holds: N − ⌈0.9·N⌉.</summary>
    public static long TopDecileCount(long n) => n - ((9 * n) + 9) / 10;
}
