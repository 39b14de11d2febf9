using Seg.Core.Optimization;
using Seg.Core.Optimization.Optimizers;
using static Seg.Core.Tests.Optimization.OptimizationTestHelpers;

namespace Seg.Core.Tests.Optimization;

public class GradientClipTests
{
    // Gradients [3, 4], [12], [0, 0], [0]: global norm 13.
    private static Seg.Torch.Modules.Sequential ModelWithGrads()
    {
        var model = TinyModel.Create();
        TinyModel.SetGrad(model, "backbone.weight", [3, 4]);
        TinyModel.SetGrad(model, "backbone.bias", [12]);
        TinyModel.SetGrad(model, "head.weight", [0, -0.0]);
        TinyModel.SetGrad(model, "head.bias", [0]);
        return model;
    }

    private static double[] Grad(Seg.Torch.Modules.Module model, string name)
    {
        using var g = TinyModel.Param(model, name).grad!;
        return g.data<double>();
    }

    [TestCase(6.5, 0.5)]
    [TestCase(26.0, 1.0)]
    [TestCase(13.0, 1.0)]
    public void By_global_norm_scales_every_gradient_by_clip_over_max_of_norm_and_clip(double clipNorm, double scale)
    {
        using var model = ModelWithGrads();
        new GradientClip(new GradClipOptions { Name = "ClipGradByGlobalNorm", ClipNorm = clipNorm }).Apply(model.parameters());
        Assert.That(Grad(model, "backbone.weight"), Is.EqualTo(new[] { 3 * scale, 4 * scale }).Within(1e-12));
        Assert.That(Grad(model, "backbone.bias"), Is.EqualTo(new[] { 12 * scale }).Within(1e-12));
    }

    [Test]
    public void By_norm_clips_each_gradient_on_its_own()
    {
        using var model = ModelWithGrads();
        new GradientClip(new GradClipOptions { Name = "ClipGradByNorm", ClipNorm = 10 }).Apply(model.parameters());
        Assert.That(Grad(model, "backbone.weight"), Is.EqualTo(new[] { 3.0, 4.0 }).Within(1e-12));
        Assert.That(Grad(model, "backbone.bias"), Is.EqualTo(new[] { 10.0 }).Within(1e-12));
    }

    [Test]
    public void By_value_clamps_with_min_defaulting_to_minus_max()
    {
        using var model = ModelWithGrads();
        TinyModel.SetGrad(model, "head.weight", [-7, 1.5]);
        new GradientClip(new GradClipOptions { Name = "ClipGradByValue", Max = 3.5 }).Apply(model.parameters());
        Assert.That(Grad(model, "backbone.weight"), Is.EqualTo(new[] { 3.0, 3.5 }));
        Assert.That(Grad(model, "head.weight"), Is.EqualTo(new[] { -3.5, 1.5 }));
    }

    [Test]
    public void Step_clips_before_adding_L2_decay()
    {
        using var model = ModelWithGrads();
        using var opt = TrainingOptimizerFactory.Build(
            Section("optimizer:\n  type: SGD\n  weight_decay: 0.5\n  grad_clip_cfg:\n    name: ClipGradByGlobalNorm\n    clip_norm: 6.5\n", "optimizer"),
            Section("lr_scheduler:\n  type: StepDecay\n  learning_rate: 1.0\n  step_size: 10\n", "lr_scheduler"), 10, model, Components);
        opt.Step();
        // θ − lr·(g·0.5 + 0.5·θ): backbone.weight [0.5, −1] with g [3, 4].
        Assert.That(TinyModel.Values(model, "backbone.weight"), Is.EqualTo(new[] { 0.5 - 1.5 - 0.25, -1 - 2 + 0.5 }).Within(1e-12));
    }
}
