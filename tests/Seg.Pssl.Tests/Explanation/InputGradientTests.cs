using Seg.Pssl.Explanation;

namespace Seg.Pssl.Tests.Explanation;

public class InputGradientTests
{
    private static LinearClassifier Linear()
    {
        torch.manual_seed(11);
        return new LinearClassifier(torch.randn([4, 3 * 8 * 8]), torch.randn([4]));
    }

    [TestCase(1, 7L)]
    [TestCase(13, 99L)]
    public void SmoothGrad_of_a_linear_models_logit_is_its_weight_row_for_any_seed_and_sample_count(int samples, long seed)
    {
        var model = Linear();
        using var x = torch.randn([1, 3, 8, 8]);
        var smooth = new SmoothGrad(new SmoothGradOptions { Samples = samples, GradientOf = GradientTarget.Logit, ChunkSize = 4 });
        using var gradient = smooth.AverageGradient(model, x, [2], [seed]);
        using var row = model.Weight.select(0, 2).view(1, 3, 8, 8);
        Assert.That(gradient.allclose(row, 1e-5, 1e-5), Is.True);
    }

    [Test]
    public void Probability_gradient_without_noise_matches_the_softmax_closed_form()
    {
        var model = Linear();
        using var x = torch.randn([1, 3, 8, 8]);
        var smooth = new SmoothGrad(new SmoothGradOptions { Samples = 3, NoiseAmount = 0 });
        using var gradient = smooth.AverageGradient(model, x, [1], [5]);
        using var p = torch.softmax(model.Logits(x), 1);
        // p_c (W_c − Σ_j p_j W_j)
        using var mixed = p.matmul(model.Weight);
        using var expected = (model.Weight.select(0, 1).unsqueeze(0) - mixed) * p.select(1, 1).unsqueeze(1);
        Assert.That(gradient.view(1, -1).allclose(expected, 1e-5, 1e-6), Is.True);
    }

    [Test]
    public void Noise_sigma_is_relative_to_the_images_range_and_the_drawn_noise_has_that_std()
    {
        var values = new float[3 * 64 * 64];
        values[5] = 1;
        using var x = torch.tensor(values, [1, 3, 64, 64]);
        var sigma = SmoothGrad.NoiseSigma(x, 0.1);
        using var noise = SmoothGrad.Noise(new Core.Data.SampleRandom(42, 0, 0), sigma, 1, x.shape);
        Assert.Multiple(() =>
        {
            Assert.That(sigma, Is.EqualTo(0.1).Within(1e-7));
            Assert.That(noise.std().item<float>(), Is.EqualTo(0.1).Within(0.002));
            Assert.That(noise.mean().item<float>(), Is.EqualTo(0).Within(0.002));
        });
    }

    [Test]
    public void Zero_noise_reproduces_the_vanilla_gradient_of_a_nonlinear_model()
    {
        var model = new SmallConvClassifier(3);
        using var x = torch.randn([2, 3, 10, 12], ScalarType.Float64);
        using var vanilla = InputGradient.Compute(model, x, [0, 2], GradientTarget.Probability);
        using var smooth = new SmoothGrad(new SmoothGradOptions { Samples = 4, NoiseAmount = 0 }).AverageGradient(model, x, [0, 2], [1, 2]);
        Assert.That(smooth.allclose(vanilla, 1e-9, 1e-12), Is.True);
    }

    [Test]
    public void Autograd_input_gradients_match_central_differences()
    {
        var model = new SmallConvClassifier(7);
        using var x = torch.randn([1, 3, 16, 16], ScalarType.Float64);
        using var gradient = InputGradient.Compute(model, x, [1], GradientTarget.Logit);
        var g = gradient.ToArray<double>();
        var data = x.ToArray<double>();
        const double eps = 1e-3;
        foreach (var i in new[] { 0, 17, 300, 511, 700 })
        {
            double Score(double delta)
            {
                var copy = (double[])data.Clone();
                copy[i] += delta;
                using var probe = torch.tensor(copy, [1, 3, 16, 16]);
                using var logits = model.Logits(probe);
                return logits[0][1].item<double>();
            }
            var numeric = (Score(eps) - Score(-eps)) / (2 * eps);
            Assert.That(g[i], Is.EqualTo(numeric).Within(1e-6), $"element {i}");
        }
    }

    [Test]
    public void SmoothGrad_is_deterministic_for_a_seed_and_independent_of_chunking_and_batching()
    {
        var model = new SmallConvClassifier(5);
        using var x = torch.randn([2, 3, 9, 9], ScalarType.Float64);
        using var a = new SmoothGrad(new SmoothGradOptions { Samples = 7, ChunkSize = 7 }).Explain(model, x, [0, 1], [10, 20]);
        using var b = new SmoothGrad(new SmoothGradOptions { Samples = 7, ChunkSize = 7 }).Explain(model, x, [0, 1], [10, 20]);
        using var c = new SmoothGrad(new SmoothGradOptions { Samples = 7, ChunkSize = 2 }).Explain(model, x, [0, 1], [10, 20]);
        using var second = new SmoothGrad(new SmoothGradOptions { Samples = 7, ChunkSize = 3 }).Explain(model, x.narrow(0, 1, 1), [1], [20]);
        using var other = new SmoothGrad(new SmoothGradOptions { Samples = 7 }).Explain(model, x, [0, 1], [11, 20]);
        Assert.Multiple(() =>
        {
            Assert.That(a.equal(b), Is.True);
            Assert.That(a.allclose(c, 1e-9, 1e-12), Is.True);
            Assert.That(a.narrow(0, 1, 1).allclose(second, 1e-9, 1e-12), Is.True);
            Assert.That(a.narrow(0, 0, 1).allclose(other.narrow(0, 0, 1), 1e-3, 1e-6), Is.False);
        });
    }

    [Test]
    public void Cam_is_the_class_weighted_feature_sum_and_Grad_cam_equals_it_up_to_scale_for_a_pooled_linear_head()
    {
        var model = new SmallConvClassifier(9);
        using var x = torch.randn([1, 3, 8, 8], ScalarType.Float64);
        using var cam = new Cam().Explain(model, x, [2], [0]);
        using var gradCam = new GradCam().Explain(model, x, [2], [0]);
        using var features = model.Features(x);
        using var expected = torch.nn.functional.relu((features * model.ClassWeights.select(0, 2).view(1, 4, 1, 1)).sum(1));
        // For GAP + linear, ∂y_c/∂A_k(i,j) = w_ck / (h·w): Grad-CAM = CAM / (h·w).
        Assert.Multiple(() =>
        {
            Assert.That(cam.allclose(expected, 1e-9, 1e-12), Is.True);
            Assert.That((gradCam * 64).allclose(cam, 1e-9, 1e-12), Is.True);
        });
    }
}
