namespace Seg.Pssl.Generation;

/// <summary>The committee's consensus (spec §6): the unweighted mean of the min-max normalised maps of one image.</summary>
public sealed class Consensus(int pixels)
{
    private readonly double[] sum = new double[pixels];

    public int Count { get; private set; }

    /// <summary>How many of the added maps were constant (all zeros after normalisation).</summary>
    public int ConstantMaps { get; private set; }

    /// <summary>Normalises a copy of <paramref name="map"/> and adds it.</summary>
    public void Add(ReadOnlySpan<float> map)
    {
        if (map.Length != sum.Length) throw new ArgumentException($"a map of {map.Length} pixels for a consensus of {sum.Length}", nameof(map));
        var normalized = map.ToArray();
        if (!MinMaxNormalizer.Normalize(normalized)) ConstantMaps++;
        for (var i = 0; i < sum.Length; i++) sum[i] += normalized[i];
        Count++;
    }

    /// <summary>C = (1/M) Σ S'_m, in [0, 1].</summary>
    public float[] Mean()
    {
        if (Count == 0) throw new InvalidOperationException("no map was added to the consensus");
        return [.. sum.Select(v => (float)(v / Count))];
    }
}
