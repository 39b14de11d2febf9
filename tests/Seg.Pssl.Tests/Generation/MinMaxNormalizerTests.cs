using Seg.Pssl.Generation;

namespace Seg.Pssl.Tests.Generation;

public class MinMaxNormalizerTests
{
    [Test]
    public void A_constant_map_becomes_zeros_without_NaN()
    {
        var map = new float[] { 3, 3, 3 };
        Assert.Multiple(() =>
        {
            Assert.That(MinMaxNormalizer.Normalize(map), Is.False);
            Assert.That(map, Is.EqualTo(new float[] { 0, 0, 0 }));
        });
    }

    [Test]
    public void A_single_hot_pixel_becomes_one_and_the_rest_zero()
    {
        var map = new float[] { 0.2f, 0.2f, 5f, 0.2f };
        Assert.That(MinMaxNormalizer.Normalize(map), Is.True);
        Assert.That(map, Is.EqualTo(new float[] { 0, 0, 1, 0 }));
    }

    [Test]
    public void Scaling_and_shifting_do_not_change_the_result()
    {
        var random = new Random(2);
        var s = Enumerable.Range(0, 64).Select(_ => random.NextSingle()).ToArray();
        var scaled = s.Select(v => (v * 37.5f) + 4f).ToArray();
        MinMaxNormalizer.Normalize(s);
        MinMaxNormalizer.Normalize(scaled);
        Assert.That(scaled, Is.EqualTo(s).Within(1e-5f));
    }

    [Test]
    public void Infinity_is_refused() =>
        Assert.Throws<ArithmeticException>(() => MinMaxNormalizer.Normalize(new[] { 1f, float.PositiveInfinity }));

    [Test]
    public void Consensus_is_the_mean_of_normalised_maps_and_counts_constant_ones()
    {
        var consensus = new Consensus(3);
        consensus.Add([0, 1, 2]);
        consensus.Add([100, 300, 500]);
        consensus.Add([7, 7, 7]);
        Assert.Multiple(() =>
        {
            Assert.That(consensus.Mean(), Is.EqualTo(new[] { 0f, 1f / 3, 2f / 3 }).Within(1e-6f));
            Assert.That(consensus.ConstantMaps, Is.EqualTo(1));
        });
    }
}
