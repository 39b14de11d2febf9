using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

public class DetailAggregateLossTests
{
    private LossFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new LossFixture("detail.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    [Test]
    public void Stdc_fuse_weights_match_the_reference_with_the_logit_upsampled_from_one_eighth() =>
        fx.Check("detail_stdc", new DetailAggregateLoss(new DetailAggregateLossOptions()).forward);

    [Test]
    public void Other_fuse_weights_can_be_set_from_code()
    {
        var loss = new DetailAggregateLoss(new DetailAggregateLossOptions()) { FuseWeights = [-0.4f, 1.1f, 0.35f] };
        fx.Check("detail_fuse", loss.forward);
    }

    [Test]
    public void A_logit_at_label_size_is_used_as_is() =>
        fx.Check("detail_full_size", new DetailAggregateLoss(new DetailAggregateLossOptions()).forward);

    [TestCase("detail_stdc")]
    [TestCase("detail_fuse")]
    public void Boundary_targets_equal_the_reference(string name)
    {
        using var scope = torch.NewDisposeScope();
        var loss = name == "detail_fuse"
            ? new DetailAggregateLoss(new DetailAggregateLossOptions()) { FuseWeights = LossFixture.Doubles(fx[name + ".fuse"]).Select(d => (float)d).ToArray() }
            : new DetailAggregateLoss(new DetailAggregateLossOptions());
        var target = loss.BoundaryTargets(fx[name + ".labels"], ScalarType.Float32);
        var expected = fx[name + ".target"];
        Assert.That(target.equal(expected), Is.True);
        Assert.That(expected.mean().item<float>(), Is.InRange(0.05f, 0.95f), "the fixture has both boundary and interior pixels");
    }

    [Test]
    public void Stdc_fused_target_is_the_stride_one_or_stride_two_boundary()
    {
        // A vertical step 0 -> 1 between columns 3 and 4 of an 8x8 label. The Laplacian, clipped at 0, fires on
        // the high side only (column 4) and, through the zero padding, on the border of the 1-region (column 7).
        // Stride 2 samples columns 0, 2, 4, 6: its edge at 4 is upsampled to 4 and 5. Stride 4 alone (weight 0.1)
        // is not enough, so row 3 is 0 0 0 0 1 1 0 1.
        using var scope = torch.NewDisposeScope();
        var label = torch.zeros([1, 8, 8], ScalarType.Int64);
        label.slice(2, 4, 8, 1).fill_(1);
        var target = new DetailAggregateLoss(new DetailAggregateLossOptions()).BoundaryTargets(label, ScalarType.Float32);
        var row = LossFixture.Doubles(target.select(2, 3).flatten());
        Assert.That(row, Is.EqualTo(new double[] { 0, 0, 0, 0, 1, 1, 0, 1 }));
    }

    [Test]
    public void A_multi_channel_logit_is_rejected()
    {
        using var logits = torch.zeros(1, 2, 4, 4);
        using var labels = torch.zeros([1, 32, 32], ScalarType.Int64);
        Assert.That(() => new DetailAggregateLoss(new DetailAggregateLossOptions()).forward(logits, labels),
            Throws.ArgumentException.With.Message.Contains("1-channel detail logit"));
    }
}
