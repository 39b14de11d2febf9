namespace Seg.Pssl.Generation;

/// <summary>
/// PSSL's per-model normalisation (spec §5): S' = (S − min S)/(max S − min S) over one map, so that no model's scale
/// dominates the consensus. A constant map (max = min) becomes all zeros and is reported; a NaN or infinity is refused.
/// </summary>
public static class MinMaxNormalizer
{
    /// <summary>Normalises <paramref name="map"/> in place; false when it was constant (now all zeros).</summary>
    public static bool Normalize(Span<float> map)
    {
        if (map.Length == 0) return false;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in map)
        {
            if (!float.IsFinite(v)) throw new ArithmeticException($"the explanation map holds a non-finite value ({v})");
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var range = max - min;
        if (range <= 0)
        {
            map.Clear();
            return false;
        }
        for (var i = 0; i < map.Length; i++) map[i] = (float)((map[i] - min) / range);
        return true;
    }
}
