using Seg.Core.Precision;
using Seg.Torch;

namespace Seg.Core.Tests.Precision;

// Paddle's GradScaler semantics (python/paddle/amp/grad_scaler.py and the update_loss_scaling kernel).
public class GradScalerTests
{
    [Test]
    public void Defaults_are_PaddleSegs()
    {
        var s = MixedPrecision.Fp16(AmpLevel.O1).NewScaler()!;
        Assert.That((s.LossScaling, s.IncrRatio, s.DecrRatio, s.IncrEveryNSteps, s.DecrEveryNNanOrInf), Is.EqualTo((1024f, 2f, 0.5f, 1000, 2)));
        Assert.That(MixedPrecision.Float32.NewScaler(), Is.Null);
    }

    [Test]
    public void Scale_multiplies_the_loss_and_unscale_divides_the_gradients_once()
    {
        using var scope = torch.NewDisposeScope();
        var s = new GradScaler(8f);
        var loss = torch.tensor(new[] { 1.5f });
        Assert.That(s.Scale(loss).data<float>(), Is.EqualTo(new[] { 12f }));
        var g1 = torch.tensor(new[] { 8f, -16f, 4f });
        var g2 = torch.tensor(new[] { 0.5f });
        Assert.That(s.Unscale([g1, null, g2]), Is.False);
        Assert.That(s.Unscale([g1, null, g2]), Is.False, "a second unscale in the same step does nothing");
        Assert.That(g1.data<float>(), Is.EqualTo(new[] { 1f, -2f, 0.5f }));
        Assert.That(g2.data<float>(), Is.EqualTo(new[] { 0.0625f }));
    }

    [Test]
    public void Gradients_scaled_by_backward_come_back_exactly()
    {
        using var scope = torch.NewDisposeScope();
        var w = torch.tensor(new[] { 0.3f, -1.7f }).requires_grad_();
        var plain = w.mul(w).sum();
        plain.backward();
        var expected = w.grad!.data<float>();
        w.grad!.zero_();
        var s = new GradScaler(1024f);
        s.Scale(w.mul(w).sum()).backward();
        Assert.That(w.grad!.data<float>(), Is.Not.EqualTo(expected));
        s.Unscale([w.grad]);
        Assert.That(w.grad!.data<float>(), Is.EqualTo(expected));
    }

    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    [TestCase(float.NegativeInfinity)]
    public void A_step_with_a_non_finite_gradient_is_skipped(float bad)
    {
        using var scope = torch.NewDisposeScope();
        var s = new GradScaler(4f);
        var steps = 0;
        Assert.That(s.Step([torch.tensor(new[] { 1f, bad }), torch.ones(2)], () => steps++), Is.False);
        Assert.That((steps, s.SkippedSteps), Is.EqualTo((0, 1L)));
        s.Update();
        Assert.That(s.Step([torch.ones(2)], () => steps++), Is.True);
        Assert.That((steps, s.SkippedSteps), Is.EqualTo((1, 1L)));
    }

    [Test]
    public void The_scale_halves_after_two_bad_steps_in_a_row_and_never_goes_below_one()
    {
        var s = new GradScaler(4f);
        Step(s, finite: false);
        Assert.That((s.LossScaling, s.BadSteps), Is.EqualTo((4f, 1)));
        Step(s, finite: true); // a good step resets the bad count
        Step(s, finite: false);
        Assert.That(s.LossScaling, Is.EqualTo(4f));
        Step(s, finite: false);
        Assert.That((s.LossScaling, s.BadSteps, s.GoodSteps), Is.EqualTo((2f, 0, 0)));
        for (var i = 0; i < 6; i++) Step(s, finite: false);
        Assert.That(s.LossScaling, Is.EqualTo(1f));
    }

    [Test]
    public void The_scale_doubles_after_incr_every_n_good_steps_and_stays_finite()
    {
        var s = new GradScaler(1024f, incrEveryNSteps: 3);
        Step(s, finite: true);
        Step(s, finite: true);
        Step(s, finite: false); // resets the good count
        Step(s, finite: true);
        Step(s, finite: true);
        Assert.That(s.LossScaling, Is.EqualTo(1024f));
        Step(s, finite: true);
        Assert.That((s.LossScaling, s.GoodSteps), Is.EqualTo((2048f, 0)));

        var top = new GradScaler(float.MaxValue, incrEveryNSteps: 1);
        Step(top, finite: true);
        Assert.That(top.LossScaling, Is.EqualTo(float.MaxValue), "a growth that overflows keeps the scale");
    }

    [Test]
    public void Update_without_unscale_and_bad_settings_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new GradScaler().Update());
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradScaler(0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradScaler(decrRatio: 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new GradScaler(incrEveryNSteps: 0));
    }

    private static void Step(GradScaler s, bool finite)
    {
        using var scope = torch.NewDisposeScope();
        s.Step([torch.tensor(new[] { finite ? 1f : float.NaN })], () => { });
        s.Update();
    }
}
