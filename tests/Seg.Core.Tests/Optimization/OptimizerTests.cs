using Seg.Core.Optimization;
using Seg.Core.Optimization.Optimizers;
using Seg.Core.Registry;
using Seg.Torch.Modules;
using static Seg.Core.Tests.Optimization.OptimizationTestHelpers;

namespace Seg.Core.Tests.Optimization;

// Expected parameters are Paddle's update rules (spec §7.1) evaluated in doubles here, element by element.
public class OptimizerTests
{
    private const string ConstantLr = "lr_scheduler:\n  type: PolynomialDecay\n  learning_rate: 0.1\n  decay_steps: 10\n  end_lr: 0\n";

    private static TrainingOptimizer Build(Module model, string optimizerYaml, string schedulerYaml = ConstantLr) =>
        TrainingOptimizerFactory.Build(Section(optimizerYaml, "optimizer"), Section(schedulerYaml, "lr_scheduler"), 100, model, Components);

    private static readonly string[] Names = ["backbone.weight", "backbone.bias", "head.weight", "head.bias"];

    private static double[] Flat(Module model) => Names.SelectMany(n => TinyModel.Values(model, n)).ToArray();

    private static void SetGrads(Module model, double[] flat)
    {
        TinyModel.SetGrad(model, "backbone.weight", flat[0..2]);
        TinyModel.SetGrad(model, "backbone.bias", flat[2..3]);
        TinyModel.SetGrad(model, "head.weight", flat[3..5]);
        TinyModel.SetGrad(model, "head.bias", flat[5..6]);
    }

    private static readonly double[] G1 = [1.0, 2.0, 0.5, -0.25, 0.75, 1.0];
    private static readonly double[] G2 = [-1.0, 0.5, 1.0, 0.5, -2.0, 0.125];

    [Test]
    public void Sgd_with_momentum_key_becomes_Momentum_and_matches_paddle_for_two_steps_with_L2_and_decaying_lr()
    {
        using var model = TinyModel.Create();
        using var opt = Build(model, "optimizer:\n  type: SGD\n  momentum: 0.9\n  weight_decay: 0.1\n");
        var theta = Flat(model);
        var v = new double[theta.Length];
        // lr(0) = 0.1, lr(1) = 0.1·(1 − 1/10) = 0.09.
        foreach (var (g, lr) in new[] { (G1, 0.1), (G2, 0.09) })
        {
            Assert.That(opt.LearningRate, Is.EqualTo(lr).Within(1e-15));
            SetGrads(model, g);
            opt.Step();
            opt.StepSchedule();
            for (var i = 0; i < theta.Length; i++)
            {
                v[i] = 0.9 * v[i] + g[i] + 0.1 * theta[i];
                theta[i] -= lr * v[i];
            }
            Assert.That(Flat(model), Is.EqualTo(theta).Within(1e-12));
        }
        Assert.That(opt.Optimizer.param_groups[0]["momentum"], Is.EqualTo(0.9));
    }

    [Test]
    public void Nesterov_momentum_matches_paddle()
    {
        using var model = TinyModel.Create();
        using var opt = Build(model, "optimizer:\n  type: Momentum\n  momentum: 0.5\n  use_nesterov: true\n");
        var theta = Flat(model);
        var v = new double[theta.Length];
        foreach (var g in new[] { G1, G2 })
        {
            SetGrads(model, g);
            opt.Step();
            for (var i = 0; i < theta.Length; i++)
            {
                v[i] = 0.5 * v[i] + g[i];
                theta[i] -= 0.1 * (g[i] + 0.5 * v[i]);
            }
        }
        Assert.That(Flat(model), Is.EqualTo(theta).Within(1e-12));
    }

    [Test]
    public void Plain_sgd_applies_L2()
    {
        using var model = TinyModel.Create();
        using var opt = Build(model, "optimizer:\n  type: sgd\n  weight_decay: 0.5\n");
        var theta = Flat(model);
        SetGrads(model, G1);
        opt.Step();
        Assert.That(Flat(model), Is.EqualTo(theta.Select((t, i) => t - 0.1 * (G1[i] + 0.5 * t)).ToArray()).Within(1e-12));
    }

    [TestCase("Adam", 0.2, false)]
    [TestCase("AdamW", 0.2, true)]
    public void Adam_two_steps_match_paddle(string type, double wd, bool decoupled)
    {
        using var model = TinyModel.Create();
        using var opt = Build(model, $"optimizer:\n  type: {type}\n  weight_decay: {wd}\n  beta1: 0.8\n  beta2: 0.99\n  epsilon: 1.0e-3\n");
        var theta = Flat(model);
        double[] m = new double[theta.Length], v = new double[theta.Length];
        const double lr = 0.1, b1 = 0.8, b2 = 0.99, eps = 1e-3;
        var t = 0;
        foreach (var g0 in new[] { G1, G2 })
        {
            t++;
            SetGrads(model, g0);
            opt.Step();
            for (var i = 0; i < theta.Length; i++)
            {
                var g = decoupled ? g0[i] : g0[i] + wd * theta[i];
                if (decoupled) theta[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                var lrT = lr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
                theta[i] -= lrT * m[i] / (Math.Sqrt(v[i]) + eps * Math.Sqrt(1 - Math.Pow(b2, t)));
            }
        }
        Assert.That(Flat(model), Is.EqualTo(theta).Within(1e-12));
    }

    [Test]
    public void AdamW_defaults_weight_decay_to_0_01_and_Momentum_to_0_9()
    {
        var adamw = Components.Build<SegOptimizer>(Section("optimizer:\n  type: AdamW\n", "optimizer"), ComponentKind.Optimizer, "optimizer");
        var momentum = (MomentumOptimizer)Components.Build<SegOptimizer>(Section("optimizer:\n  type: Momentum\n", "optimizer"), ComponentKind.Optimizer, "optimizer");
        Assert.That(adamw.DefaultWeightDecay, Is.EqualTo(0.01));
        Assert.That(momentum.Options.Momentum, Is.EqualTo(0.9));
        Assert.That(momentum.DefaultWeightDecay, Is.Zero);
    }

    [Test]
    public void Custom_cfg_groups_first_match_default_last_frozen_dropped()
    {
        using var model = TinyModel.Create();
        TinyModel.Param(model, "head.bias").requires_grad = false;
        using var opt = Build(model, """
            optimizer:
              type: Momentum
              weight_decay: 0.01
              custom_cfg:
              - name: backbone
                lr_mult: 0.1
              - name: weight
                weight_decay_mult: 0.5
              - name: nothing_matches
                lr_mult: 3.0
            """);
        var groups = opt.Optimizer.param_groups;
        Assert.That(groups, Has.Count.EqualTo(4));
        Assert.That(groups[0].parameters, Is.EqualTo(new[] { TinyModel.Param(model, "backbone.weight"), TinyModel.Param(model, "backbone.bias") }));
        Assert.That(groups[1].parameters, Is.EqualTo(new[] { TinyModel.Param(model, "head.weight") }));
        Assert.That(groups[2].parameters, Is.Empty);
        Assert.That(groups[3].parameters, Is.Empty, "head.bias is frozen");
        Assert.That(opt.GroupMultipliers, Is.EqualTo(new[] { 0.1, 1.0, 3.0, 1.0 }));
        Assert.That(groups.Select(g => g.lr), Is.EqualTo(new[] { 0.01, 0.1, 0.3, 0.1 }).Within(1e-15));
        Assert.That(groups.Select(g => g.weight_decay), Is.EqualTo(new[] { 0.01, 0.005, 0.01, 0.01 }).Within(1e-15));
        Assert.That(opt.GroupDescriptions, Is.EqualTo(new[] { "backbone", "weight", "nothing_matches", "default" }));
    }

    [Test]
    public void Group_lr_follows_the_schedule_times_the_multiplier()
    {
        using var model = TinyModel.Create();
        using var opt = Build(model, "optimizer:\n  type: SGD\n  custom_cfg:\n  - name: head\n    lr_mult: 10.0\n");
        for (var i = 0; i < 5; i++) opt.StepSchedule();
        Assert.That(opt.Optimizer.param_groups.Select(g => g.lr), Is.EqualTo(new[] { 0.5, 0.05 }).Within(1e-15));
    }

    [Test]
    public void Schedule_state_round_trips()
    {
        using var model = TinyModel.Create();
        using var a = Build(model, "optimizer:\n  type: SGD\n  custom_cfg:\n  - name: head\n    lr_mult: 2.0\n");
        for (var i = 0; i < 7; i++) a.StepSchedule();
        var state = a.ScheduleState();

        using var b = Build(model, "optimizer:\n  type: SGD\n  custom_cfg:\n  - name: head\n    lr_mult: 2.0\n");
        b.LoadScheduleState(System.Text.Json.Nodes.JsonNode.Parse(state.ToJsonString())!.AsObject());
        Assert.That(b.ScheduleStep, Is.EqualTo(7));
        Assert.That(b.LearningRate, Is.EqualTo(0.1 * 0.3).Within(1e-15));
        Assert.That(b.Optimizer.param_groups.Select(g => g.lr), Is.EqualTo(a.Optimizer.param_groups.Select(g => g.lr)));
    }

    [TestCase("optimizer:\n  type: SGD\n  momentom: 0.9\n", "optimizer.momentom", "Allowed keys: weight_decay, grad_clip_cfg, custom_cfg")]
    [TestCase("optimizer:\n  type: Momentum\n  weight_decay: abc\n", "optimizer.weight_decay", "float")]
    [TestCase("optimizer:\n  type: AdamW\n  custom_cfg:\n  - name: head\n    lr_multi: 10.0\n", "optimizer.custom_cfg[0].lr_multi", "lr_mult")]
    [TestCase("optimizer:\n  type: Adam\n  grad_clip_cfg:\n    clip_norm: 1.0\n", "optimizer.grad_clip_cfg", "name")]
    public void Bad_keys_and_types_name_the_key(string yaml, string keyPath, string hint)
    {
        using var model = TinyModel.Create();
        var e = Assert.Throws<ConfigBindingException>(() => Build(model, yaml));
        Assert.That(e!.KeyPath, Is.EqualTo(keyPath));
        Assert.That(e.Message, Does.Contain(hint));
    }

    [Test]
    public void Bad_grad_clip_name_is_an_error_listing_the_choices()
    {
        using var model = TinyModel.Create();
        var e = Assert.Throws<ConfigBindingException>(() => Build(model, "optimizer:\n  type: Adam\n  grad_clip_cfg:\n    name: ClipByNorm\n    clip_norm: 1.0\n"));
        Assert.That(e!.Message, Does.Contain("ClipGradByGlobalNorm"));
    }
}
