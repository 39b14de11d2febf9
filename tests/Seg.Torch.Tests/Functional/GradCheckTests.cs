using static Seg.Torch.torch.nn;
using static Seg.Torch.torch.nn.functional;
using G = Seg.Torch.Tests.Autograd.GradCheck;

namespace Seg.Torch.Tests.Functional;

// Finite-difference checks (float64) of the backward of each differentiable function.
public class GradCheckTests
{
    [Test]
    public void Conv2d_with_groups_dilation_and_stride() =>
        G.Check(t => conv2d(t[0], t[1], t[2], stride: 2, padding: 1, dilation: 2, groups: 2),
            [G.Random(1, 1, 4, 6, 6), G.Random(2, 4, 2, 3, 3), G.Random(3, 4)]);

    [Test]
    public void Conv_transpose2d() =>
        G.Check(t => conv_transpose2d(t[0], t[1], t[2], stride: 2, padding: 1, output_padding: 1),
            [G.Random(1, 1, 2, 3, 3), G.Random(2, 2, 3, 3, 3), G.Random(3, 3)]);

    [Test]
    public void Batch_norm_in_train_mode() =>
        G.Check(t => batch_norm(t[0], null, null, t[1], t[2], training: true),
            [G.Random(4, 3, 2, 3, 3), G.Random(5, 2), G.Random(6, 2)]);

    [TestCase(false)]
    [TestCase(true)]
    public void Bilinear_interpolate_by_size(bool align_corners) =>
        G.Check(t => interpolate(t[0], size: [5, 7], mode: InterpolationMode.Bilinear, align_corners: align_corners), [G.Random(7, 1, 2, 3, 4)]);

    [TestCase(false)]
    [TestCase(true)]
    public void Bilinear_interpolate_by_scale_factor(bool align_corners) =>
        G.Check(t => interpolate(t[0], scale_factor: [1.5, 0.75], mode: InterpolationMode.Bilinear, align_corners: align_corners), [G.Random(8, 1, 1, 4, 5)]);

    [Test]
    public void Avg_pool2d_with_ceil_mode_and_padding()
    {
        G.Check(t => avg_pool2d(t[0], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false), [G.Random(9, 1, 2, 6, 6)]);
        G.Check(t => avg_pool2d(t[0], [2, 3], stride: [2, 1], divisor_override: 4), [G.Random(10, 1, 2, 5, 5)]);
    }

    [Test]
    public void Max_pool2d_with_dilation_and_ceil_mode() =>
        G.Check(t => max_pool2d(t[0], [2, 2], stride: [2, 1], padding: [1, 1], dilation: [2, 1], ceil_mode: true), [G.Random(11, 1, 2, 6, 6)]);

    [Test]
    public void Adaptive_pools()
    {
        G.Check(t => adaptive_avg_pool2d(t[0], [2, 3]), [G.Random(12, 1, 2, 5, 7)]);
        G.Check(t => adaptive_max_pool2d(t[0], [3, 2]), [G.Random(13, 1, 2, 5, 7)]);
    }

    [TestCase(Reduction.Mean, 0.0)]
    [TestCase(Reduction.Sum, 0.1)]
    [TestCase(Reduction.None, 0.0)]
    public void Cross_entropy_with_weight_and_ignore_index(Reduction reduction, double label_smoothing)
    {
        using var target = torch.tensor(new long[] { 0, 2, 9, 1, 2, 9, 2, 0 }, [2, 4]);
        using var weight = torch.tensor(new[] { 0.3, 1.0, 2.0 });
        G.Check(t => cross_entropy(t[0], target, weight, ignore_index: 9, reduction: reduction, label_smoothing: label_smoothing),
            [G.Random(14, 2, 3, 4)]);
    }

    [Test]
    public void Activations_and_linear()
    {
        G.Check(t => linear(t[0], t[1], t[2]), [G.Random(15, 3, 4), G.Random(16, 2, 4), G.Random(17, 2)]);
        G.Check(t => gelu(silu(hardswish(t[0]))), [G.Random(18, 2, 5)]);
        G.Check(t => binary_cross_entropy_with_logits(t[0], t[1]), [G.Random(19, 2, 3), G.Random(20, 2, 3)]);
    }
}
