using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Core;

// Custom autocast op lists (native/src/autocast_lists.cpp) on top of libtorch's CPU bfloat16 autocast.
[NonParallelizable]
public class AutocastListsTests
{
    private static Dictionary<string, AutocastOpPolicy> Lists(params (string Op, AutocastOpPolicy Policy)[] entries) =>
        entries.ToDictionary(e => e.Op, e => e.Policy);

    [Test]
    public void Libtorch_runs_convolutions_in_bfloat16_and_leaves_upsampling_alone()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(1, 2, 4, 4);
        using (torch.autocast_cpu())
        {
            var y = conv2d(x, torch.randn(3, 2, 3, 3));
            Assert.That(y.dtype, Is.EqualTo(ScalarType.BFloat16));
            Assert.That(interpolate(y, size: [8, 8], mode: InterpolationMode.Bilinear).dtype, Is.EqualTo(ScalarType.BFloat16));
        }
    }

    [Test]
    public void A_black_listed_op_runs_in_float32_under_autocast()
    {
        using var scope = torch.NewDisposeScope();
        var low = torch.randn(1, 3, 5, 6).to(ScalarType.BFloat16);
        var expected = interpolate(low.to(ScalarType.Float32), size: [10, 12], mode: InterpolationMode.Bilinear);
        using (torch.autocast_cpu())
        using (torch.autocast_op_lists(Lists(("upsample_bilinear2d", AutocastOpPolicy.Float32), ("softmax", AutocastOpPolicy.Float32))))
        {
            var up = interpolate(low, size: [10, 12], mode: InterpolationMode.Bilinear);
            Assert.That(up.dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(up.data<float>(), Is.EqualTo(expected.data<float>()), "the float32 upsample of the same values");
            Assert.That(torch.softmax(low, 1).dtype, Is.EqualTo(ScalarType.Float32));
            // An op not on the lists keeps libtorch's behaviour.
            Assert.That(interpolate(low, size: [10, 12], mode: InterpolationMode.Nearest).dtype, Is.EqualTo(ScalarType.BFloat16));
        }
    }

    [Test]
    public void A_white_listed_op_runs_in_bfloat16_under_autocast()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(2, 3);
        var b = torch.randn(2, 3).to(ScalarType.BFloat16);
        var mean = torch.zeros(3);
        var variance = torch.ones(3);
        using (torch.autocast_cpu())
        {
            // Without a list: type promotion (float32) and the input's dtype.
            Assert.That(a.add(b).dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(batch_norm(a.view(2, 3, 1, 1), mean, variance).dtype, Is.EqualTo(ScalarType.Float32));
            using (torch.autocast_op_lists(Lists(("add", AutocastOpPolicy.LowerPrecision), ("batch_norm", AutocastOpPolicy.LowerPrecision))))
            {
                var sum = a.add(b);
                Assert.That(sum.dtype, Is.EqualTo(ScalarType.BFloat16));
                Assert.That(sum.data<BFloat16>(), Is.EqualTo(a.to(ScalarType.BFloat16).add(b).data<BFloat16>()));
                var normed = batch_norm(a.view(2, 3, 1, 1), mean, variance, torch.ones(3), torch.zeros(3), training: true);
                Assert.That(normed.dtype, Is.EqualTo(ScalarType.BFloat16));
                Assert.That(mean.dtype, Is.EqualTo(ScalarType.Float32), "running statistics stay float32");
            }
        }
    }

    [Test]
    public void Lists_act_only_inside_autocast_and_are_restored_on_dispose()
    {
        using var scope = torch.NewDisposeScope();
        var low = torch.randn(1, 1, 3, 3).to(ScalarType.BFloat16);
        using (torch.autocast_op_lists(Lists(("upsample_bilinear2d", AutocastOpPolicy.Float32))))
            Assert.That(interpolate(low, size: [6, 6], mode: InterpolationMode.Bilinear).dtype, Is.EqualTo(ScalarType.BFloat16), "no autocast region");
        using (torch.autocast_cpu())
            Assert.That(interpolate(low, size: [6, 6], mode: InterpolationMode.Bilinear).dtype, Is.EqualTo(ScalarType.BFloat16), "the list was restored");
    }

    [Test]
    public void Unknown_ops_and_float16_on_the_cpu_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => torch.autocast_op_lists(Lists(("conv9d", AutocastOpPolicy.Float32))).Dispose());
        Assert.That(e!.Message, Does.Contain("conv9d").And.Contain("upsample_bilinear2d"));
        Assert.Throws<ArgumentException>(() => torch.autocast_cpu(ScalarType.Float16).Dispose());
        Assert.That(AutocastOpListsGuard.KnownOps, Does.Contain("add").And.Contain("batch_norm").And.Contain("upsample_bilinear2d"));
    }
}
