using System.Diagnostics;
using Seg.Torch.Native;

namespace Seg.Torch.Tests.Ops;

// Per-op overhead of the hot path (a + b on 1-element tensors, result disposed). Target: about 2 µs
// on an idle machine, most of it libtorch's own dispatch and allocation. The assertion compares the
// managed path with the bare native call measured alongside it, so a busy machine does not fail it.
[NonParallelizable]
public class OverheadTests
{
    [Test]
    public void One_element_add_adds_little_over_the_bare_native_call()
    {
        using var a = torch.ones(1);
        using var b = torch.ones(1);
        double bestRaw = double.MaxValue, bestWrapped = double.MaxValue;
        for (var round = 0; round < 7; round++)
        {
            const int n = 10000;
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < n; k++)
            {
                Tensor.Check(LibSegNative.seg_binary((int)BinaryOp.Add, a.handle, b.handle, out var r));
                LibSegNative.seg_tensor_free(r);
            }
            bestRaw = Math.Min(bestRaw, sw.Elapsed.TotalMicroseconds / n);
            sw.Restart();
            for (var k = 0; k < n; k++) (a + b).Dispose();
            bestWrapped = Math.Min(bestWrapped, sw.Elapsed.TotalMicroseconds / n);
        }
        TestContext.Out.WriteLine($"1-element add + free: native {bestRaw:F2} µs, Tensor operator {bestWrapped:F2} µs");
        Assert.That(bestWrapped, Is.LessThan(2 * bestRaw + 1.0), "managed overhead per op (µs)");
    }
}
