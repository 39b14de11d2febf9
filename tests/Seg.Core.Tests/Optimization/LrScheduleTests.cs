using Seg.Core.Config;
using Seg.Core.Optimization;
using Seg.Core.Optimization.Schedules;
using Seg.Core.Registry;
using static Seg.Core.Tests.Optimization.OptimizationTestHelpers;

namespace Seg.Core.Tests.Optimization;

// Expected values are Paddle's formulas (spec §7.2) evaluated by hand, not by the code under test.
public class LrScheduleTests
{
    private static LrSchedule Build(string body, long iters = 1000) =>
        LrScheduleFactory.Build(Section("lr_scheduler:\n" + body, "lr_scheduler"), iters, Components);

    private static void AssertValues(LrSchedule s, params (int Step, double Lr)[] expected)
    {
        foreach (var (step, lr) in expected)
            Assert.That(s.LearningRate(step), Is.EqualTo(lr).Within(1e-12), $"t={step}");
    }

    [Test]
    public void PolynomialDecay_follows_paddle_formula_and_defaults_decay_steps_to_iters()
    {
        var s = Build("  type: PolynomialDecay\n  learning_rate: 0.01\n  end_lr: 0\n  power: 0.9\n", iters: 1000);
        Assert.That(((PolynomialDecay)s).Options.DecaySteps, Is.EqualTo(1000));
        AssertValues(s, (0, 0.01), (250, 0.01 * Math.Pow(0.75, 0.9)), (999, 0.01 * Math.Pow(0.001, 0.9)), (1000, 0), (5000, 0));
    }

    [Test]
    public void PolynomialDecay_takes_paddle_defaults_end_lr_1e4_power_1()
    {
        var s = Build("  type: PolynomialDecay\n  learning_rate: 0.1\n  decay_steps: 100\n", iters: 5);
        AssertValues(s, (0, 0.1), (50, (0.1 - 1e-4) * 0.5 + 1e-4), (100, 1e-4), (200, 1e-4));
    }

    [Test]
    public void PolynomialDecay_cycle_stretches_decay_steps()
    {
        var s = Build("  type: PolynomialDecay\n  learning_rate: 1.0\n  decay_steps: 10\n  end_lr: 0\n  cycle: true\n");
        // t = 15: D = 10·ceil(1.5) = 20, lr = 1 − 15/20; t = 0: D = 10.
        AssertValues(s, (0, 1.0), (5, 0.5), (10, 0.0), (15, 0.25));
    }

    [Test]
    public void PP_LiteSeg_cityscapes_warmup_then_poly_with_decay_steps_iters_minus_warmup()
    {
        var config = SegConfig.Load(Path.Combine(TestPaths.RepoRoot, "configs/pp_liteseg/pp_liteseg_stdc1_cityscapes_1024x512_scale0.5_160k.yml"));
        var s = LrScheduleFactory.Build(config.LrScheduler, config.Iters, Components);

        var warmup = (LinearWarmup)s;
        var poly = (PolynomialDecay)warmup.Options.LearningRate;
        Assert.That(poly.Options.DecaySteps, Is.EqualTo(159000));
        Assert.That(warmup.Options.WarmupSteps, Is.EqualTo(1000));
        AssertValues(s, (0, 1e-5), (500, 1e-5 + (0.005 - 1e-5) * 0.5), (1000, 0.005),
            (1000 + 79500, 0.005 * Math.Pow(0.5, 0.9)), (160000, 0));
    }

    [Test]
    public void PSSL_step_decay_is_constant_0_01_over_the_whole_run()
    {
        var config = SegConfig.Load(Path.Combine(TestPaths.RepoRoot, "configs/stdcseg/stdc1_seg_pssl.yml"));
        var s = LrScheduleFactory.Build(config.LrScheduler, config.Iters, Components);
        Assert.That(s, Is.TypeOf<StepDecay>());
        AssertValues(s, (0, 0.01), (config.Iters > int.MaxValue ? 0 : (int)config.Iters - 1, 0.01), (2_500_000, 0.001));
    }

    [Test]
    public void StepDecay_MultiStepDecay_PiecewiseDecay()
    {
        AssertValues(Build("  type: StepDecay\n  learning_rate: 0.5\n  step_size: 10\n  gamma: 0.5\n"), (0, 0.5), (9, 0.5), (10, 0.25), (25, 0.125));
        AssertValues(Build("  type: MultiStepDecay\n  learning_rate: 1.0\n  milestones: [3, 7]\n"), (0, 1.0), (2, 1.0), (3, 0.1), (6, 0.1), (7, 0.01), (100, 0.01));
        AssertValues(Build("  type: PiecewiseDecay\n  boundaries: [100, 200]\n  values: [1.0, 0.5, 0.1]\n"), (0, 1.0), (99, 1.0), (100, 0.5), (199, 0.5), (200, 0.1));
    }

    [Test]
    public void Cosine_exponential_natural_exp_inverse_time_linear_noam()
    {
        AssertValues(Build("  type: CosineAnnealingDecay\n  learning_rate: 1.0\n  T_max: 100\n  eta_min: 0.1\n"),
            (0, 1.0), (50, 0.55), (100, 0.1), (25, 0.1 + 0.9 * (1 + Math.Sqrt(0.5)) / 2));
        AssertValues(Build("  type: ExponentialDecay\n  learning_rate: 2.0\n  gamma: 0.5\n"), (0, 2.0), (3, 0.25));
        AssertValues(Build("  type: NaturalExpDecay\n  learning_rate: 2.0\n  gamma: 0.5\n"), (0, 2.0), (2, 2.0 / Math.E));
        AssertValues(Build("  type: InverseTimeDecay\n  learning_rate: 1.0\n  gamma: 0.5\n"), (0, 1.0), (2, 0.5), (6, 0.25));
        AssertValues(Build("  type: LinearLR\n  learning_rate: 0.3\n  total_steps: 10\n"), (0, 0.1), (5, 0.2), (10, 0.3), (20, 0.3));
        // d_model 16, warmup 4: t=1 -> 0.25·min(1, 1/8) ; t=16 -> 0.25·min(1/4, 2) = 1/16.
        AssertValues(Build("  type: NoamDecay\n  d_model: 16\n  warmup_steps: 4\n"), (0, 0), (1, 0.25 / 8), (16, 1.0 / 16));
    }

    [Test]
    public void OneCycleLR_two_and_three_phases()
    {
        // initial 0.1, max 1.0 at t = 0.3·10 − 1 = 2, end 0 at t = 9; Paddle extrapolates the last phase at t = 10.
        AssertValues(Build("  type: OneCycleLR\n  max_learning_rate: 1.0\n  total_steps: 10\n  divide_factor: 10\n  end_learning_rate: 0.0\n  anneal_strategy: linear\n"),
            (0, 0.1), (1, 0.55), (2, 1.0), (3, 1.0 - 1.0 / 7), (9, 0.0), (10, -1.0 / 7));
        AssertValues(Build("  type: OneCycleLR\n  max_learning_rate: 1.0\n  total_steps: 10\n  divide_factor: 10\n  end_learning_rate: 0.0\n"),
            (1, 0.55), (3, (Math.Cos(Math.PI / 7) + 1) / 2));
        // three phases: [0, 2] 0.1 → 1, [2, 4] 1 → 0.1, [4, 9] 0.1 → 0.
        AssertValues(Build("  type: OneCycleLR\n  max_learning_rate: 1.0\n  total_steps: 10\n  divide_factor: 10\n  end_learning_rate: 0.0\n  anneal_strategy: linear\n  three_phase: true\n"),
            (2, 1.0), (3, 0.55), (4, 0.1), (9, 0.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Build("  type: OneCycleLR\n  max_learning_rate: 1.0\n  total_steps: 10\n").LearningRate(11));
    }

    [Test]
    public void CyclicLR_modes()
    {
        // cycle 5 steps, 40 % up.
        const string common = "  type: CyclicLR\n  base_learning_rate: 0.1\n  max_learning_rate: 1.1\n  step_size_up: 2\n  step_size_down: 3\n";
        AssertValues(Build(common), (0, 0.1), (1, 0.6), (2, 1.1), (3, 0.1 + 2.0 / 3), (5, 0.1), (7, 1.1));
        AssertValues(Build(common + "  mode: triangular2\n"), (2, 1.1), (7, 0.6), (12, 0.35));
        AssertValues(Build(common + "  mode: exp_range\n  exp_gamma: 0.5\n"), (2, 0.35), (1, 0.35));
    }

    [Test]
    public void Warmup_wraps_any_schedule_and_ends_at_learning_rate()
    {
        var s = Build("  type: StepDecay\n  learning_rate: 0.1\n  step_size: 5\n  warmup_iters: 10\n  warmup_start_lr: 0.0\n");
        AssertValues(s, (0, 0.0), (5, 0.05), (10, 0.1), (14, 0.1), (15, 0.01));
    }

    [Test]
    public void LinearWarmup_as_a_component_takes_a_nested_scheduler_or_a_constant()
    {
        AssertValues(Build("  type: LinearWarmup\n  learning_rate:\n    type: ExponentialDecay\n    learning_rate: 1.0\n    gamma: 0.5\n  warmup_steps: 4\n  start_lr: 0.0\n  end_lr: 1.0\n"),
            (0, 0.0), (2, 0.5), (4, 1.0), (6, 0.25));
        AssertValues(Build("  type: LinearWarmup\n  learning_rate: 0.5\n  warmup_steps: 2\n  start_lr: 0.1\n  end_lr: 0.5\n"), (1, 0.3), (2, 0.5), (100, 0.5));
    }

    [Test]
    public void Warmup_iters_without_warmup_start_lr_names_the_missing_key()
    {
        var e = Assert.Throws<ConfigBindingException>(() => Build("  type: PolynomialDecay\n  learning_rate: 0.01\n  warmup_iters: 10\n"));
        Assert.That(e!.Message, Does.Contain("warmup_start_lr").And.Contain("test.yml"));
    }

    [Test]
    public void Warmup_start_lr_without_warmup_iters_is_an_error()
    {
        var e = Assert.Throws<ConfigBindingException>(() => Build("  type: PolynomialDecay\n  learning_rate: 0.01\n  warmup_start_lr: 0.001\n"));
        Assert.That(e!.KeyPath, Is.EqualTo("lr_scheduler.warmup_start_lr"));
    }

    [Test]
    public void Unknown_key_and_wrong_type_name_the_key()
    {
        var unknown = Assert.Throws<ConfigBindingException>(() => Build("  type: PolynomialDecay\n  learning_rate: 0.01\n  pwer: 0.9\n"));
        Assert.That(unknown!.KeyPath, Is.EqualTo("lr_scheduler.pwer"));
        Assert.That(unknown.Message, Does.Contain("power"));

        var type = Assert.Throws<ConfigBindingException>(() => Build("  type: StepDecay\n  learning_rate: 0.01\n  step_size: 2.5\n"));
        Assert.That(type!.KeyPath, Is.EqualTo("lr_scheduler.step_size"));

        var missing = Assert.Throws<ConfigBindingException>(() => Build("  type: StepDecay\n  learning_rate: 0.01\n"));
        Assert.That(missing!.Message, Does.Contain("step_size"));
    }

    [Test]
    public void Constructor_argument_errors_name_the_component()
    {
        var e = Assert.Throws<ConfigBindingException>(() => Build("  type: StepDecay\n  learning_rate: 0.01\n  step_size: 10\n  gamma: 2.0\n"));
        Assert.That(e!.Message, Does.Contain("StepDecay").And.Contain("gamma"));
    }
}
