using Seg.Models.Losses;

namespace Seg.Models.Tests.Losses;

public class CrossEntropyLossTests
{
    private static readonly float[] W5 = [0.5f, 2.0f, 1.0f, 3.0f, 0.25f];
    private LossFixture fx = null!;

    [OneTimeSetUp] public void Load() => fx = new LossFixture("cross_entropy.safetensors");
    [OneTimeTearDown] public void Free() => fx.Dispose();

    private static Func<Tensor, Tensor, Tensor> Loss(CrossEntropyLossOptions o) => new CrossEntropyLoss(o).forward;

    [Test]
    public void Mean_over_non_ignored_pixels_matches_paddleseg() =>
        fx.Check("ce_plain", Loss(new CrossEntropyLossOptions()));

    [Test]
    public void Class_weights_give_the_weighted_mean_over_non_ignored_pixels() =>
        fx.Check("ce_weight", Loss(new CrossEntropyLossOptions { Weight = W5 }));

    [Test]
    public void Avg_non_ignore_false_divides_by_all_pixels()
    {
        fx.Check("ce_all_pixels", Loss(new CrossEntropyLossOptions { AvgNonIgnore = false }));
        fx.Check("ce_weight_all_pixels", Loss(new CrossEntropyLossOptions { Weight = W5, AvgNonIgnore = false }));
    }

    [Test]
    public void Top_k_percent_pixels_averages_the_hardest_pixels()
    {
        fx.Check("ce_topk", Loss(new CrossEntropyLossOptions { TopKPercentPixels = 0.3 }));
        fx.Check("ce_topk_weight", Loss(new CrossEntropyLossOptions { Weight = W5, TopKPercentPixels = 0.25 }));
        fx.Check("ce_topk_weight_sparse", Loss(new CrossEntropyLossOptions { Weight = W5, TopKPercentPixels = 0.5 }));
    }

    [Test]
    public void Nhwc_logits_give_the_same_loss() =>
        fx.Check("ce_nhwc", Loss(new CrossEntropyLossOptions { Weight = W5, DataFormat = DataFormat.NHWC }));

    [Test]
    public void Pssl_background_weight_and_ignore_index_match_paddleseg() =>
        fx.Check("ce_pssl", Loss(new CrossEntropyLossOptions { Weight = [1, 1, 1, 1, 1, 0.1f], IgnoreIndex = 6 }));

    [Test]
    public void All_pixels_ignored_gives_zero_not_nan() =>
        fx.Check("ce_all_ignored", Loss(new CrossEntropyLossOptions { Weight = W5 }));

    [Test]
    public void Weighted_mean_of_known_values()
    {
        // Pixel 0: logits (0, 0), label 0 -> ln 2. Pixel 1: logits (0, ln 3), label 1 -> -ln(3/4). Pixel 2 ignored.
        using var logits = torch.tensor(new[] { 0f, 0f, 5f, 0f, (float)Math.Log(3), -5f }, [1, 2, 1, 3]);
        using var labels = torch.tensor(new[] { 0L, 1L, 255L }, [1, 1, 3]);
        using var loss = new CrossEntropyLoss(new CrossEntropyLossOptions { Weight = [1f, 3f] }).forward(logits, labels);
        var expected = (1 * Math.Log(2) + 3 * -Math.Log(0.75)) / 4;
        Assert.That(loss.item<float>(), Is.EqualTo(expected).Within(1e-6));

        using var all = new CrossEntropyLoss(new CrossEntropyLossOptions { AvgNonIgnore = false }).forward(logits, labels);
        Assert.That(all.item<float>(), Is.EqualTo((Math.Log(2) - Math.Log(0.75)) / 3).Within(1e-6));
    }

    [Test]
    public void Labels_with_a_channel_axis_are_squeezed()
    {
        using var scope = torch.NewDisposeScope();
        var loss = new CrossEntropyLoss(new CrossEntropyLossOptions { Weight = W5 });
        var a = loss.forward(fx["ce_weight.logits"], fx["ce_weight.labels"].unsqueeze(1));
        LossFixture.AssertClose(a, fx["ce_weight.out"]);
    }

    [Test]
    public void Weight_count_must_match_the_classes()
    {
        using var logits = torch.zeros(1, 3, 2, 2);
        using var labels = torch.zeros([1, 2, 2], ScalarType.Int64);
        var loss = new CrossEntropyLoss(new CrossEntropyLossOptions { Weight = [1f, 2f] });
        Assert.That(() => loss.forward(logits, labels),
            Throws.ArgumentException.With.Message.Contains("The number of weights = 2 must be the same as the number of classes = 3"));
    }

    [Test]
    public void Mismatched_label_size_is_a_clear_error()
    {
        using var logits = torch.zeros(1, 3, 4, 4);
        using var labels = torch.zeros([1, 8, 8], ScalarType.Int64);
        Assert.That(() => new CrossEntropyLoss(new CrossEntropyLossOptions()).forward(logits, labels),
            Throws.ArgumentException.With.Message.Contains("do not match the logits"));
    }
}
