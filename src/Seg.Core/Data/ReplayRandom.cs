namespace Seg.Core.Data;

/// <summary>
/// Replays fixed draws in order (tests replaying the draws a Python reference made). Each call takes the next
/// value: <see cref="Random"/>, <see cref="Uniform"/> and <see cref="RandInt"/> return it as is (it must lie in
/// the requested range), <see cref="Permutation"/> takes <c>count</c> values, <see cref="Normal"/> takes one per element.
/// </summary>
public sealed class ReplayRandom(IEnumerable<double> draws) : ISampleRandom
{
    private readonly Queue<double> queue = new(draws);

    public int Remaining => queue.Count;

    public double Random() => Checked(Take("random()"), 0, 1, "random()");

    public double Uniform(double low, double high)
    {
        var v = Take($"uniform({low}, {high})");
        return v >= Math.Min(low, high) && v <= Math.Max(low, high) ? v : throw new InvalidOperationException($"recorded draw {v} is outside the range of uniform({low}, {high})");
    }

    public long RandInt(long low, long high) => (long)Checked(Take($"randint({low}, {high})"), low, high, $"randint({low}, {high})");

    public int[] Permutation(int count)
    {
        var p = new int[count];
        for (var i = 0; i < count; i++) p[i] = (int)Take($"permutation({count})");
        if (p.OrderBy(i => i).Where((v, i) => v != i).Any()) throw new InvalidOperationException($"replayed permutation [{string.Join(", ", p)}] is not a permutation of 0..{count - 1}");
        return p;
    }

    public void Normal(double sigma, Span<float> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = (float)Take("normal");
    }

    private double Take(string call) =>
        queue.Count > 0 ? queue.Dequeue() : throw new InvalidOperationException($"no recorded draw left for {call}");

    private static double Checked(double v, double low, double high, string call) =>
        v >= low && v < high ? v : throw new InvalidOperationException($"recorded draw {v} is outside the range of {call}");
}
