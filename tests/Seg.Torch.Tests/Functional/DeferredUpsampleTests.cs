using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

public class DeferredUpsampleTests
{
    [TestCase(false)]
    [TestCase(true)]
    public void First_use_computes_the_bilinear_upsample(bool alignCorners)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([2, 3, 5, 7]);
        var deferred = upsample_bilinear_deferred(x, [11, 13], alignCorners);
        Assert.That(deferred.IsMaterialised, Is.False);
        Assert.That(deferred.PendingUpsample!.Size, Is.EqualTo(new long[] { 11, 13 }));
        Assert.That(deferred.PendingUpsample.AlignCorners, Is.EqualTo(alignCorners));
        var expected = interpolate(x, [11, 13], mode: InterpolationMode.Bilinear, align_corners: alignCorners);
        Assert.That(torch.equal(deferred, expected), Is.True);
        Assert.That(deferred.IsMaterialised, Is.True);
        Assert.That(deferred.PendingUpsample, Is.Null);
    }

    [Test]
    public void Values_first_used_without_grad_mode_still_carry_the_gradient()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn([1, 2, 3, 3]).requires_grad_();
        var deferred = upsample_bilinear_deferred(x, [6, 6]);
        using (torch.no_grad()) _ = deferred.sum().item<float>();
        deferred.sum().backward();
        // Each input cell's weights over the output sum to (6/3)^2 = 4.
        Assert.That(torch.allclose(x.grad!, torch.ones_like(x) * 4), Is.True);
    }

    [Test]
    public void An_unused_deferred_tensor_frees_its_source_alias()
    {
        var before = TensorStatistics.LiveCount;
        var nativeBefore = TensorStatistics.NativeLiveCount;
        using (var scope = torch.NewDisposeScope())
        {
            var x = torch.randn([1, 2, 3, 3]);
            _ = upsample_bilinear_deferred(x, [6, 6]);
        }
        Assert.That(TensorStatistics.LiveCount, Is.EqualTo(before));
        Assert.That(TensorStatistics.NativeLiveCount, Is.EqualTo(nativeBefore));
    }

    [Test]
    public void A_disposed_deferred_tensor_cannot_be_used()
    {
        using var scope = torch.NewDisposeScope();
        var deferred = upsample_bilinear_deferred(torch.randn([1, 2, 3, 3]), [6, 6]);
        deferred.Dispose();
        Assert.That(deferred.PendingUpsample, Is.Null);
        Assert.Throws<ObjectDisposedException>(() => _ = deferred.shape);
    }
}
