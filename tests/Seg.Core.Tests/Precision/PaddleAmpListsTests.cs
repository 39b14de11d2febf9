using Seg.Core.Precision;
using Seg.Torch;

namespace Seg.Core.Tests.Precision;

public class PaddleAmpListsTests
{
    [Test]
    public void PaddleSegs_custom_lists_move_ops_between_Paddles_lists()
    {
        var (white, black) = PaddleAmpLists.Merge(PaddleAmpLists.PaddleSegCustomWhite, PaddleAmpLists.PaddleSegCustomBlack);
        Assert.Multiple(() =>
        {
            Assert.That(white, Does.Contain("conv2d").And.Contain("elementwise_add").And.Contain("batch_norm").And.Contain("sync_batch_norm"));
            Assert.That(black, Does.Contain("bilinear_interp_v2").And.Contain("softmax_with_cross_entropy").And.Contain("mean"));
            Assert.That(white.Intersect(black), Is.Empty);
        });
        var (white2, black2) = PaddleAmpLists.Merge(new HashSet<string> { "softmax" }, new HashSet<string> { "conv2d" });
        Assert.That((white2.Contains("softmax"), black2.Contains("softmax"), white2.Contains("conv2d"), black2.Contains("conv2d")), Is.EqualTo((true, false, false, true)));
        Assert.Throws<ArgumentException>(() => PaddleAmpLists.Merge(new HashSet<string> { "exp" }, new HashSet<string> { "exp" }));
    }

    [Test]
    public void PaddleSegs_lists_become_aten_policies()
    {
        var p = PaddleAmpLists.PaddleSegPolicies();
        Assert.Multiple(() =>
        {
            Assert.That(p["add"], Is.EqualTo(AutocastOpPolicy.LowerPrecision));
            Assert.That(p["batch_norm"], Is.EqualTo(AutocastOpPolicy.LowerPrecision));
            Assert.That(p["upsample_bilinear2d"], Is.EqualTo(AutocastOpPolicy.Float32));
            Assert.That(p["upsample_nearest2d"], Is.EqualTo(AutocastOpPolicy.Float32));
            Assert.That(p["softmax"], Is.EqualTo(AutocastOpPolicy.Float32));
            Assert.That(p["mean"], Is.EqualTo(AutocastOpPolicy.Float32));
            Assert.That(p.Keys, Is.SubsetOf(AutocastOpListsGuard.KnownOps));
        });
        // Without the custom lists Paddle leaves elementwise_add and batch_norm to type promotion.
        var plain = PaddleAmpLists.AtenPolicies(new HashSet<string>(), new HashSet<string>());
        Assert.That((plain["add"], plain["batch_norm"]), Is.EqualTo((AutocastOpPolicy.Default, AutocastOpPolicy.Default)));
    }

    [Test]
    public void O2_is_refused_naming_what_is_missing()
    {
        var e = Assert.Throws<NotSupportedException>(() => MixedPrecision.Fp16(AmpLevel.O2));
        Assert.That(e!.Message, Does.Contain("O2").And.Contain("master weights").And.Contain("O1"));
    }

    [Test]
    public void Fp16_O1_on_the_cpu_runs_bfloat16_autocast_with_the_lists()
    {
        using var scope = torch.NewDisposeScope();
        var low = torch.randn(1, 2, 3, 3).to(ScalarType.BFloat16);
        using (MixedPrecision.Fp16(AmpLevel.O1).Enter(DeviceType.CPU))
        {
            Assert.That(torch.nn.functional.conv2d(torch.randn(1, 2, 3, 3), torch.randn(2, 2, 1, 1)).dtype, Is.EqualTo(ScalarType.BFloat16));
            Assert.That(torch.nn.functional.interpolate(low, size: [6, 6], mode: InterpolationMode.Bilinear).dtype, Is.EqualTo(ScalarType.Float32));
        }
        Assert.That(MixedPrecision.Float32.Enter(DeviceType.CPU), Is.Null);
        Assert.That(torch.nn.functional.conv2d(torch.randn(1, 2, 3, 3), torch.randn(2, 2, 1, 1)).dtype, Is.EqualTo(ScalarType.Float32), "autocast ends with the scope");
    }
}
