using Seg.Core.Data;
using Seg.Core.Evaluation;
using Seg.Torch;
using F = Seg.Torch.torch.nn.functional;

namespace Seg.Core.Tests.Evaluation;

// SegInference (§8.3-8.5) on models whose logits are known, against the same combination built by hand.
public class InferenceTests
{
    private static Tensor Image(long h, long w, long seed = 3)
    {
        torch.manual_seed(seed);
        return torch.randn(1, 3, h, w);
    }

    private static Tensor Resize(Tensor t, long h, long w) => F.interpolate(t, [h, w], mode: InterpolationMode.Bilinear, align_corners: false);

    [Test]
    public void Whole_image_is_the_first_output()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(4, 3, 1);
        var x = Image(9, 11);

        var logits = SegInference.Logits(model, x, [], new InferenceOptions());

        Assert.That(logits.allclose(model.Apply(x), 0, 0), Is.True);
    }

    [Test]
    public void Flips_average_the_four_combinations_flipped_back()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(4, 3, 2); // a 3x3 kernel is not flip-symmetric: each pass differs
        var x = Image(9, 11);
        var options = new InferenceOptions { AugEval = true, FlipHorizontal = true, FlipVertical = true };

        var logits = SegInference.Logits(model, x, [], options);

        var expected = (model.Apply(x) + model.Apply(x.flip(3)).flip(3) + model.Apply(x.flip(2)).flip(2) + model.Apply(x.flip(2, 3)).flip(2, 3)) / 4;
        Assert.That(logits.allclose(expected, 1e-5, 1e-5), Is.True);
        Assert.That(logits.allclose(model.Apply(x), 1e-3, 1e-3), Is.False, "the flips must matter for this model");
        Assert.That(model.Inputs, Has.Count.EqualTo(4));
    }

    [Test]
    public void Horizontal_flip_only_averages_two_passes()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(2, 3, 5);
        var x = Image(6, 7);

        var logits = SegInference.Logits(model, x, [], new InferenceOptions { AugEval = true, FlipHorizontal = true });

        Assert.That(logits.allclose((model.Apply(x) + model.Apply(x.flip(3)).flip(3)) / 2, 1e-5, 1e-5), Is.True);
        Assert.That(SegInference.FlipCombinations(true, false), Is.EqualTo(new[] { (false, false), (true, false) }));
        Assert.That(SegInference.FlipCombinations(false, true), Is.EqualTo(new[] { (false, false), (false, true) }));
    }

    [Test]
    public void Scales_resize_the_original_input_with_python_rounding_and_average_raw_logits_resized_back()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(3, 3, 4);
        var x = Image(13, 10);
        var options = new InferenceOptions { AugEval = true, Scales = [0.75, 1.25], FlipHorizontal = true };

        var logits = SegInference.Logits(model, x, [], options);

        // int(13·0.75 + 0.5) = 10, int(10·0.75 + 0.5) = 8; int(13·1.25 + 0.5) = 16, int(10·1.25 + 0.5) = 13.
        Assert.That(model.Inputs.Select(i => (i.shape[2], i.shape[3])), Is.EqualTo(new[] { (10L, 8L), (10L, 8L), (16L, 13L), (16L, 13L) }));
        var expected = torch.zeros(1, 3, 13, 10);
        foreach (var (h, w) in new[] { (10L, 8L), (16L, 13L) })
        {
            var s = Resize(x, h, w); // PaddleSeg v2.8+: `im_scale = F.interpolate(im, ...)`, every scale from the original
            expected += Resize(model.Apply(s), 13, 10) + Resize(model.Apply(s.flip(3)).flip(3), 13, 10);
        }
        Assert.That(logits.allclose(expected / 4, 1e-5, 1e-5), Is.True);
        Assert.That(model.Inputs[2].allclose(Resize(x, 16, 13), 0, 0), Is.True);
    }

    [Test]
    public void Legacy_scales_resize_the_previous_scale_and_sum_softmax()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(3, 3, 4);
        var x = Image(13, 10);
        var options = new InferenceOptions { AugEval = true, AugLegacy = true, Scales = [0.75, 1.25], FlipHorizontal = true };

        var logits = SegInference.Logits(model, x, [], options);

        Assert.That(model.Inputs.Select(i => (i.shape[2], i.shape[3])), Is.EqualTo(new[] { (10L, 8L), (10L, 8L), (16L, 13L), (16L, 13L) }));
        var expected = torch.zeros(1, 3, 13, 10);
        var source = x;
        foreach (var (h, w) in new[] { (10L, 8L), (16L, 13L) })
        {
            source = Resize(source, h, w); // PaddleSeg v2.7: `im = F.interpolate(im, ...)`, the second scale starts from the first
            expected += Resize(model.Apply(source), 13, 10).softmax(1) + Resize(model.Apply(source.flip(3)).flip(3), 13, 10).softmax(1);
        }
        Assert.That(logits.allclose(expected, 1e-5, 1e-5), Is.True, "summed, not averaged");
        Assert.That(logits.sum(1).allclose(torch.ones(1, 13, 10) * 4, 1e-5, 1e-5), Is.True, "four softmaxes sum to 4 per pixel");
        Assert.That(model.Inputs[2].allclose(Resize(x, 16, 13), 1e-3, 1e-3), Is.False, "the 1.25 scale comes from the 0.75 image");
    }

    [Test]
    public void Legacy_changes_nothing_without_augmentation()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(3, 3, 5);
        var x = Image(7, 9);

        var logits = SegInference.Logits(model, x, [], new InferenceOptions { AugLegacy = true });

        Assert.That(logits.allclose(model.Apply(x), 0, 0), Is.True);
    }

    [Test]
    public void Sliding_window_equals_whole_image_for_a_per_pixel_model()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(5, 1, 6);
        var x = Image(10, 13);
        var options = new InferenceOptions { IsSlide = true, CropSize = (6, 4), Stride = (5, 3) };

        var logits = SegInference.Logits(model, x, [], options);

        Assert.That(logits.allclose(model.Apply(x), 1e-5, 1e-6), Is.True);
        Assert.That(logits.dtype, Is.EqualTo(ScalarType.Float32));
    }

    [Test]
    public void Sliding_windows_follow_the_rows_cols_formula_and_shift_back_to_the_edges()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(2, 1, 7);
        var x = Image(10, 13);

        using var _ = SegInference.Slide(model, x, (6, 4), (5, 3));

        // rows = ceil((10−4)/3)+1 = 3 → h ∈ {0..4, 3..7, 6..10}; cols = ceil((13−6)/5)+1 = 3 → w ∈ {0..6, 5..11, 7..13}.
        var expected = new List<(long H1, long W1)>();
        foreach (var h1 in new long[] { 0, 3, 6 })
            foreach (var w1 in new long[] { 0, 5, 7 }) expected.Add((h1, w1));
        Assert.That(model.Inputs, Has.Count.EqualTo(9));
        for (var k = 0; k < 9; k++)
        {
            var (h1, w1) = expected[k];
            Assert.That(model.Inputs[k].shape, Is.EqualTo(new long[] { 1, 3, 4, 6 }));
            Assert.That(model.Inputs[k].allclose(x.narrow(2, h1, 4).narrow(3, w1, 6), 0, 0), Is.True, $"window {k} at ({h1}, {w1})");
        }
    }

    [Test]
    public void Sliding_window_averages_raw_logits_of_overlapping_windows()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(2, 3, 8); // 3x3 with zero padding: each window sees its own borders
        var x = Image(5, 4);

        var logits = SegInference.Slide(model, x, (4, 3), (4, 2)); // rows: 0..3 and 2..5, one column

        var top = model.Apply(x.narrow(2, 0, 3));
        var bottom = model.Apply(x.narrow(2, 2, 3));
        var expected = torch.cat([top.narrow(2, 0, 2), (top.narrow(2, 2, 1) + bottom.narrow(2, 0, 1)) / 2, bottom.narrow(2, 1, 2)], 2);
        Assert.That(logits.allclose(expected, 1e-5, 1e-6), Is.True);
    }

    [Test]
    public void A_crop_larger_than_the_image_runs_once_on_the_whole_unpadded_image()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(2, 3, 9);
        var x = Image(5, 6);

        var logits = SegInference.Slide(model, x, (16, 16), (8, 8));

        Assert.That(model.Inputs.Single().shape, Is.EqualTo(new long[] { 1, 3, 5, 6 }));
        Assert.That(logits.allclose(model.Apply(x), 1e-6, 1e-6), Is.True);
    }

    [Test]
    public void A_stride_larger_than_the_crop_leaves_pixels_unpredicted()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(2, 1, 10);
        var x = Image(10, 4);

        Assert.That(() => SegInference.Slide(model, x, (4, 3), (4, 5)),
            Throws.InvalidOperationException.With.Message.EqualTo("There are pixel not predicted. It is possible that stride is greater than crop_size"));
    }

    [Test]
    public void Reverse_transform_crops_padding_then_resizes_in_reverse_order()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(11);
        var logits = torch.randn(1, 3, 12, 20);
        // Forward: 16x24 resized to 10x15 (records the size before), then padded to 12x20 (records 10x15).
        TransInfo[] info = [new(TransInfoKind.Resize, 16, 24), new(TransInfoKind.Padding, 10, 15)];

        var back = SegInference.ReverseTransform(logits, info);

        var expected = Resize(logits.slice(2, 0, 10).slice(3, 0, 15), 16, 24);
        Assert.That(back.shape, Is.EqualTo(new long[] { 1, 3, 16, 24 }));
        Assert.That(back.allclose(expected, 0, 0), Is.True);
    }

    [Test]
    public void Logits_go_through_the_reverse_transform_after_augmentation()
    {
        using var scope = torch.NewDisposeScope();
        using var model = new ConvModel(3, 1, 12);
        var x = Image(8, 8);
        TransInfo[] info = [new(TransInfoKind.Resize, 5, 7)];

        var logits = SegInference.Logits(model, x, info, new InferenceOptions { AugEval = true, Scales = [1.0] });
        var prediction = SegInference.Predict(model, x, info, new InferenceOptions());

        Assert.That(logits.allclose(Resize(model.Apply(x), 5, 7), 1e-6, 1e-6), Is.True);
        Assert.That(prediction.shape, Is.EqualTo(new long[] { 1, 5, 7 }));
        Assert.That(prediction.allclose(Resize(model.Apply(x), 5, 7).argmax(1), 0, 0), Is.True);
    }
}
