using Seg.Torch;

namespace Seg.Core.Tests.Weights;

internal static class WeightsAssert
{
    /// <summary>Same names in the same order, same dtypes and shapes, identical bytes.</summary>
    internal static void BitExact(IReadOnlyList<KeyValuePair<string, Tensor>> actual, IReadOnlyList<KeyValuePair<string, Tensor>> expected)
    {
        Assert.That(actual.Select(t => t.Key), Is.EqualTo(expected.Select(t => t.Key)));
        for (var i = 0; i < expected.Count; i++)
        {
            var (name, e) = expected[i];
            var a = actual[i].Value;
            Assert.That(a.dtype, Is.EqualTo(e.dtype), name);
            Assert.That(a.shape, Is.EqualTo(e.shape), name);
            Assert.That(a.ToBytes(), Is.EqualTo(e.ToBytes()), name);
        }
    }
}
