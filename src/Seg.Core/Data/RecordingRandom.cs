namespace Seg.Core.Data;

/// <summary>Passes draws through from an inner source and records them, e.g. to replay them in Python.</summary>
public sealed class RecordingRandom(ISampleRandom inner) : ISampleRandom
{
    public List<RecordedDraw> Draws { get; } = [];

    public double Random() => Add("random", inner.Random());

    public double Uniform(double low, double high) => Add("uniform", inner.Uniform(low, high));

    public long RandInt(long low, long high) => (long)Add("randint", inner.RandInt(low, high));

    public int[] Permutation(int count)
    {
        var p = inner.Permutation(count);
        Draws.Add(new RecordedDraw("permutation", count, p.Select(i => (double)i).ToList()));
        return p;
    }

    public void Normal(double sigma, Span<float> destination)
    {
        inner.Normal(sigma, destination);
        var values = new double[destination.Length];
        for (var i = 0; i < values.Length; i++) values[i] = destination[i];
        Draws.Add(new RecordedDraw("normal", sigma, values));
    }

    private double Add(string call, double value)
    {
        Draws.Add(new RecordedDraw(call, value));
        return value;
    }
}
