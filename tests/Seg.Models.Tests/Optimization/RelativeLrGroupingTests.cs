using Seg.Core.Config;
using Seg.Core.Optimization;
using Seg.Core.Registry;
using Seg.Models.Segmentation;
using Seg.Models.Tests.Models;

namespace Seg.Models.Tests.Optimization;

// relative_lr on a real STDC1 backbone reaches the optimizer as its own parameter group (spec §6.4); the counts come
// from PaddleSeg's state-dict manifest of the same model.
[Category(TestCategories.NeedsShared)]
public class RelativeLrGroupingTests
{
    private static readonly Lazy<ComponentRegistry> LazyRegistry = new(() =>
    {
        var registry = new ComponentRegistry();
        registry.RegisterAssembly(typeof(TrainingOptimizer).Assembly);
        registry.RegisterAssembly(typeof(STDCSeg).Assembly);
        return registry;
    });

    private static string ConfigPath => Path.Combine(TestPaths.RepoRoot, "configs", "pp_liteseg", "pp_liteseg_stdc1_pssl.yml");

    private static int ManifestCount(Func<(string Key, long[] Shape, string Kind), bool> predicate) =>
        Manifest.Load("pp_liteseg_stdc1_pssl").StateDict.Count(predicate);

    [Test]
    public void Pssl_pp_liteseg_stdc1_backbone_learns_at_a_tenth_and_frozen_parameters_are_dropped()
    {
        var registry = LazyRegistry.Value;
        var config = ConfigLoader.Load(ConfigPath, null, registry);
        using var model = SegModelFactory.Build(config, registry);
        using var opt = TrainingOptimizerFactory.Build(config, model, registry);

        var backbone = ManifestCount(e => e.Key.StartsWith("backbone.", StringComparison.Ordinal) && e.Kind == "param");
        var trainable = ManifestCount(e => e.Kind == "param");
        Assert.That(backbone, Is.EqualTo(87));
        Assert.That(opt.GroupMultipliers, Is.EqualTo(new[] { 0.1, 1.0 }));
        var groups = opt.Optimizer.param_groups;
        Assert.That(groups[0].parameters, Has.Count.EqualTo(backbone));
        Assert.That(groups[1].parameters, Has.Count.EqualTo(trainable - backbone));
        var backboneParams = model.named_parameters().Where(p => p.name.StartsWith("backbone.", StringComparison.Ordinal)).Select(p => p.parameter);
        Assert.That(groups[0].parameters, Is.EquivalentTo(backboneParams));

        // PolynomialDecay 0.01 → 0, power 0.9, D = iters = 133450; Momentum 0.9, L2 5e-4 on every group.
        Assert.That(groups.Select(g => g.lr), Is.EqualTo(new[] { 0.001, 0.01 }).Within(1e-15));
        Assert.That(groups.Select(g => g.weight_decay), Is.All.EqualTo(5e-4));
        Assert.That(groups.Select(g => g["momentum"]), Is.All.EqualTo(0.9));
        for (var i = 0; i < 66725; i++) opt.StepSchedule();
        Assert.That(groups[0].lr, Is.EqualTo(0.001 * Math.Pow(0.5, 0.9)).Within(1e-15));
    }

    [Test]
    public void Custom_cfg_lr_mult_replaces_relative_lr_as_in_paddle_and_learning_rate_override_applies()
    {
        var registry = LazyRegistry.Value;
        var config = ConfigLoader.Load(ConfigPath,
            new ConfigOverrides { LearningRate = 0.02, Opts = ["optimizer.custom_cfg=[{'name': 'backbone', 'lr_mult': 0.5}]"] }, registry);
        using var model = SegModelFactory.Build(config, registry);
        using var opt = TrainingOptimizerFactory.Build(config, model, registry);
        Assert.That(opt.GroupMultipliers, Is.EqualTo(new[] { 0.5, 1.0 }));
        Assert.That(opt.Optimizer.param_groups[0].parameters, Has.Count.EqualTo(87));
        Assert.That(opt.Optimizer.param_groups.Select(g => g.lr), Is.EqualTo(new[] { 0.01, 0.02 }).Within(1e-15), "--learning_rate 0.02");
    }
}
