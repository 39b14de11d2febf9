using static Seg.Torch.torch.nn.functional;

namespace Seg.Torch.Tests.Functional;

// The fused upsample + cross-entropy against the plain path built from libtorch's interpolate and cross_entropy
// with PaddleSeg's CrossEntropyLoss mean: loss and gradient with respect to the low-resolution logits.
public class UpsampleCrossEntropyTests
{
    private const long Ignore = 255;

    public sealed record Case(string Name, long N, long C, long H, long W, long OutH, long OutW, bool Weighted, double IgnoreShare, bool AvgNonIgnore, bool AlignCorners)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    [
        new("odd sizes, weights, ignore", 2, 5, 7, 9, 29, 33, true, 0.2, true, false),
        new("19 classes x8, no weights", 1, 19, 8, 8, 64, 64, false, 0.0, true, false),
        new("batch 3, align_corners, not avg_non_ignore", 3, 11, 5, 6, 17, 23, true, 0.3, false, true),
        new("same size", 2, 7, 13, 11, 13, 11, true, 0.1, true, false),
        new("downsampling", 2, 4, 16, 16, 9, 7, false, 0.1, true, false),
        new("1001 classes, weights", 2, 1001, 4, 5, 32, 40, true, 0.05, true, false),
        new("one output row", 1, 3, 3, 4, 1, 9, true, 0.0, true, true),
        new("all ignored", 1, 6, 4, 4, 8, 8, true, 1.0, true, false),
    ];

    [Test]
    public void Bfloat16_logits_from_autocast_run_the_loss_in_float32()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var low = (torch.randn([2, 5, 4, 6]) * 3).to(ScalarType.BFloat16).requires_grad_();
        var wide = low.detach().to(ScalarType.Float32).requires_grad_();
        var labels = torch.randint(5, [2, 16, 24]);

        var fromLow = upsample_cross_entropy(low, labels, [16, 24]);
        fromLow.backward();
        var fromWide = upsample_cross_entropy(wide, labels, [16, 24]);
        fromWide.backward();

        Assert.That(fromLow.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(fromLow.item<float>(), Is.EqualTo(fromWide.item<float>()), "the same float32 loss of the same values");
        Assert.That(low.grad!.dtype, Is.EqualTo(ScalarType.BFloat16));
        Assert.That(low.grad!.to(ScalarType.Float32).data<float>(), Is.EqualTo(wide.grad!.to(ScalarType.BFloat16).to(ScalarType.Float32).data<float>()));
    }

    [TestCaseSource(nameof(Cases))]
    public void Loss_and_gradient_equal_interpolate_then_cross_entropy(Case c)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(7);
        var logits = (torch.randn([c.N, c.C, c.H, c.W]) * 3).requires_grad_();
        var labels = torch.randint(c.C, [c.N, c.OutH, c.OutW]);
        labels = labels.where(torch.rand([c.N, c.OutH, c.OutW]).ge(c.IgnoreShare), Ignore);
        var weight = c.Weighted ? torch.rand([c.C]) + 0.1 : null;

        var fused = upsample_cross_entropy(logits, labels, [c.OutH, c.OutW], weight, Ignore, c.AvgNonIgnore, c.AlignCorners);
        fused.backward();
        var fusedGrad = logits.grad!.clone();
        logits.grad = null;

        var plain = Plain(logits, labels, [c.OutH, c.OutW], weight, c.AvgNonIgnore, c.AlignCorners);
        plain.backward();
        var plainGrad = logits.grad!;

        Assert.That(fused.shape, Is.Empty);
        var expected = plain.item<float>();
        Assert.That(fused.item<float>(), Is.EqualTo(expected).Within(1e-5 * Math.Abs(expected) + 1e-12), "loss");
        Assert.That(RelativeL2(fusedGrad, plainGrad), Is.LessThan(1e-5), "gradient");
        Assert.That(fusedGrad.shape, Is.EqualTo(logits.shape));
    }

    [Test]
    public void Without_grad_mode_the_loss_has_no_graph()
    {
        using var scope = torch.NewDisposeScope();
        var logits = torch.randn([1, 3, 4, 4]).requires_grad_();
        using var noGrad = torch.no_grad();
        var loss = upsample_cross_entropy(logits, torch.zeros([1, 8, 8], ScalarType.Int64), [8, 8]);
        Assert.That(loss.requires_grad, Is.False);
    }

    [Test]
    public void A_label_outside_the_classes_is_an_error()
    {
        using var scope = torch.NewDisposeScope();
        var labels = torch.zeros([1, 8, 8], ScalarType.Int64) + 3;
        var e = Assert.Catch<TorchException>(() => upsample_cross_entropy(torch.randn([1, 3, 4, 4]), labels, [8, 8]));
        Assert.That(e!.Message, Does.Contain("out of bounds"));
    }

    [Test]
    public void Labels_of_another_size_are_an_error()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Catch<TorchException>(() => upsample_cross_entropy(torch.randn([1, 3, 4, 4]), torch.zeros([1, 8, 9], ScalarType.Int64), [8, 8]));
        Assert.That(e!.Message, Does.Contain("labels"));
    }

    [Test]
    public void Weights_of_another_length_are_an_error()
    {
        using var scope = torch.NewDisposeScope();
        var e = Assert.Catch<TorchException>(() => upsample_cross_entropy(torch.randn([1, 3, 4, 4]), torch.zeros([1, 8, 8], ScalarType.Int64), [8, 8], torch.ones([4])));
        Assert.That(e!.Message, Does.Contain("weight"));
    }

    internal static Tensor Plain(Tensor logits, Tensor labels, long[] size, Tensor? weight, bool avgNonIgnore, bool alignCorners)
    {
        var up = interpolate(logits, size, mode: InterpolationMode.Bilinear, align_corners: alignCorners);
        var valid = labels.ne(Ignore);
        var mask = avgNonIgnore ? valid.to(ScalarType.Float32) : torch.ones_like(labels, ScalarType.Float32);
        var ce = cross_entropy(up, labels, weight, Ignore, torch.nn.Reduction.None) * mask;
        var coef = weight is not null && avgNonIgnore
            ? weight.index_select(0, labels.where(valid, 0L).flatten()).view(labels.shape)
            : torch.ones_like(labels, ScalarType.Float32);
        return ce.mean() / ((mask * coef).mean() + 1e-8);
    }

    internal static double RelativeL2(Tensor a, Tensor b)
    {
        var d = a - b;
        var num = Math.Sqrt((d * d).sum().item<float>());
        var den = Math.Sqrt((b * b).sum().item<float>());
        return den == 0 ? num : num / den;
    }
}
