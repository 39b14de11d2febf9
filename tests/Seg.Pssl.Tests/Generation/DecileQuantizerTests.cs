using Seg.Pssl.Generation;

namespace Seg.Pssl.Tests.Generation;

public class DecileQuantizerTests
{
    [Test]
    public void A_raster_ramp_gives_value_div_10_and_the_last_row_as_object()
    {
        var map = Enumerable.Range(0, 100).Select(v => (float)v).ToArray();
        var deciles = DecileQuantizer.Deciles(map);
        var mask = DecileQuantizer.TopDecileMask(map);
        Assert.Multiple(() =>
        {
            Assert.That(deciles, Is.EqualTo(Enumerable.Range(0, 100).Select(v => (byte)(v / 10))));
            Assert.That(Enumerable.Range(0, 100).Where(i => mask[i] == 1), Is.EqualTo(Enumerable.Range(90, 10)));
        });
    }

    [Test]
    public void A_shuffled_map_ranks_by_value_not_position()
    {
        var values = Enumerable.Range(0, 100).Select(v => (float)v).ToArray();
        new Random(3).Shuffle(values);
        var mask = DecileQuantizer.TopDecileMask(values);
        Assert.That(Enumerable.Range(0, 100).Where(i => mask[i] == 1).Select(i => values[i]), Is.EquivalentTo(Enumerable.Range(90, 10).Select(v => (float)v)));
    }

    [Test]
    public void A_constant_map_breaks_ties_by_linear_index_giving_the_last_tenth()
    {
        var mask = DecileQuantizer.TopDecileMask(new float[50]);
        Assert.That(Enumerable.Range(0, 50).Where(i => mask[i] == 1), Is.EqualTo(Enumerable.Range(45, 5)));
    }

    [Test]
    public void Seven_pixels_have_an_empty_top_decile()
    {
        var deciles = DecileQuantizer.Deciles([1, 2, 3, 4, 5, 6, 7]);
        Assert.Multiple(() =>
        {
            Assert.That(deciles.Max(), Is.EqualTo(8));
            Assert.That(DecileQuantizer.TopDecileMask([1, 2, 3, 4, 5, 6, 7]).Sum(b => b), Is.Zero);
            Assert.That(DecileQuantizer.TopDecileCount(7), Is.Zero);
        });
    }

    [Test]
    public void A_224_square_map_keeps_5017_object_pixels()
    {
        var random = new Random(1);
        var map = Enumerable.Range(0, 224 * 224).Select(_ => random.NextSingle()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(DecileQuantizer.TopDecileMask(map).Count(b => b == 1), Is.EqualTo(5017));
            Assert.That(DecileQuantizer.TopDecileCount(50176), Is.EqualTo(5017));
        });
    }

    [Test]
    public void Integer_and_float_formulas_agree_for_every_rank_of_small_maps()
    {
        for (var n = 1; n < 600; n++)
        {
            var count = Enumerable.Range(0, n).Count(z => (int)Math.Floor((double)z / n * 10) == 9);
            Assert.That(DecileQuantizer.TopDecileCount(n), Is.EqualTo(count), $"N = {n}");
            Assert.That(DecileQuantizer.TopDecileMask(Enumerable.Range(0, n).Select(v => (float)v).ToArray()).Count(b => b == 1), Is.EqualTo(count), $"N = {n}");
        }
    }

    [Test]
    public void NaN_is_refused() =>
        Assert.Throws<ArgumentException>(() => DecileQuantizer.Deciles([1, float.NaN]));
}
