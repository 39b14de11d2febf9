namespace Seg.Core.Data;

/// <summary>
/// The random draws a transform makes, named after the Python calls PaddleSeg uses, so a recorded sequence
/// of draws can be replayed by Python (tests) and by Seg. One instance serves one sample.
/// </summary>
public interface ISampleRandom
{
    /// <summary>Python <c>random.random()</c>: uniform in [0, 1).</summary>
    double Random();

    /// <summary>NumPy <c>np.random.uniform(low, high)</c>.</summary>
    double Uniform(double low, double high);

    /// <summary>NumPy <c>np.random.randint(low, high)</c>: an integer in [low, high).</summary>
    long RandInt(long low, long high);

    /// <summary>A uniform random permutation of 0..count-1 (Python <c>random.shuffle</c> / NumPy <c>np.random.shuffle</c>).</summary>
    int[] Permutation(int count);

    /// <summary>NumPy <c>np.random.normal(0, sigma, shape)</c> into <paramref name="destination"/>.</summary>
    void Normal(double sigma, Span<float> destination);
}
