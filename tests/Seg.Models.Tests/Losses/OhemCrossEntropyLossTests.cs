using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

// The fixture batch has 2x6x7 = 84 pixels, 72 of them valid.
public class OhemCrossEntropyLossTests
{
    private LossFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new LossFixture("ohem.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    private static Func<Tensor, Tensor, Tensor> Loss(OhemCrossEntropyLossOptions o) => new OhemCrossEntropyLoss(o).forward;

    [Test]
    public void Keeps_pixels_below_thresh_when_min_kept_is_reached() =>
        fx.Check("ohem_thresh", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.7, MinKept = 5 }));

    [Test]
    public void Raises_the_threshold_to_keep_min_kept_pixels() =>
        fx.Check("ohem_min_kept_raises", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.1, MinKept = 50 }));

    [Test]
    public void Keeps_every_valid_pixel_when_min_kept_is_not_below_the_valid_count()
    {
        fx.Check("ohem_not_enough_valid", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.7, MinKept = 72 }));
        fx.Check("ohem_not_enough_valid", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.7, MinKept = 1000 }));
    }

    [Test]
    public void Min_kept_zero_skips_the_selection_as_paddleseg_does() =>
        fx.Check("ohem_min_kept_zero", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.1, MinKept = 0 }));

    [Test]
    public void Class_weights_scale_the_pixels_but_not_the_denominator() =>
        fx.Check("ohem_weight", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.6, MinKept = 20, Weight = [0.5f, 2.0f, 1.0f, 3.0f, 0.25f] }));

    [Test]
    public void Takes_n1hw_labels_and_another_ignore_index() =>
        fx.Check("ohem_label_n1hw", Loss(new OhemCrossEntropyLossOptions { Thresh = 0.7, MinKept = 30, IgnoreIndex = 4 }));

    [Test]
    public void All_pixels_ignored_gives_zero() =>
        fx.Check("ohem_all_ignored", Loss(new OhemCrossEntropyLossOptions()));

    [Test]
    public void Only_hard_pixels_count_in_a_known_case()
    {
        // Pixel 0 is easy (p = 0.88 > 0.7), pixel 1 is hard (p = 0.5): with min_kept 1 only pixel 1 counts.
        using var logits = torch.tensor(new[] { 2f, 0f, 0f, 0f }, [1, 2, 1, 2]);
        using var labels = torch.tensor(new[] { 0L, 1L }, [1, 1, 2]);
        using var loss = new OhemCrossEntropyLoss(new OhemCrossEntropyLossOptions { MinKept = 1 }).forward(logits, labels);
        Assert.That(loss.item<float>(), Is.EqualTo(Math.Log(2) * 0.5 / (0.5 + 1e-5)).Within(1e-6));
    }
}
