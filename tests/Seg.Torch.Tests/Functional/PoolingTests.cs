using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class PoolingTests
{
    private FunctionalFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new FunctionalFixture("pool.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Max_pool2d_matches_pytorch()
    {
        fx.Check("max_ceil", a => max_pool2d(a["x"], 3, stride: 2, padding: 1, ceil_mode: true), atol: 0, rtol: 0);
        fx.Check("max_dilation", a => max_pool2d(a["x"], [2, 3], stride: [1, 2], padding: [1, 0], dilation: [2, 2]), atol: 0, rtol: 0);
        fx.Check("max_default_stride", a => max_pool2d(a["x"], 2), atol: 0, rtol: 0);
    }

    [Test]
    public void Max_pool2d_with_indices_matches_pytorch()
    {
        var (output, indices) = max_pool2d_with_indices(fx["max_ceil.x"], [3], [2], [1]);
        using (output)
        using (indices)
        {
            FunctionalFixture.AssertClose(output, fx["max_indices.out"], 0, 0, "values");
            FunctionalFixture.AssertClose(indices, fx["max_indices.indices"], 0, 0, "indices");
        }
    }

    [Test]
    public void Avg_pool2d_ceil_mode_count_include_pad_and_divisor_match_pytorch()
    {
        fx.Check("avg_ceil_nopad", a => avg_pool2d(a["x"], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false));
        fx.Check("avg_ceil_pad", a => avg_pool2d(a["x"], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: true));
        fx.Check("avg_divisor", a => avg_pool2d(a["x"], [2, 3], stride: [2, 1], divisor_override: 5));
    }

    [Test]
    public void Adaptive_pools_match_pytorch()
    {
        fx.Check("adaptive_avg", a => adaptive_avg_pool2d(a["x"], [4, 3]));
        fx.Check("adaptive_avg_1", a => adaptive_avg_pool2d(a["x"], 1));
        fx.Check("adaptive_max", a => adaptive_max_pool2d(a["x"], [4, 5]), atol: 0, rtol: 0);
        var (output, indices) = adaptive_max_pool2d_with_indices(fx["adaptive_max.x"], [4, 5]);
        using (output)
        using (indices)
        {
            FunctionalFixture.AssertClose(output, fx["adaptive_max_indices.out"], 0, 0, "values");
            FunctionalFixture.AssertClose(indices, fx["adaptive_max_indices.indices"], 0, 0, "indices");
        }
    }
}
