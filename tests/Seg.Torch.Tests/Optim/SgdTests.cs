using Seg.Torch.Optim;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Optim;

public class SgdTests
{
    [Test]
    public void Nesterov_momentum_with_weight_decay_equals_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.SGD(f.Params, lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-2);
        f.Steps(opt, 0, 1);
        f.AssertParamsAfter("sgd_nesterov", 1, 0);
        f.Steps(opt, 1, 2);
        f.AssertParamsAfter("sgd_nesterov", 2, 0);
        f.AssertState(opt, "sgd_nesterov", 0, "momentum_buffer");
    }

    [Test]
    public void Momentum_with_dampening_equals_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.SGD(f.Params, lr: 0.05, momentum: 0.8, dampening: 0.3);
        f.Steps(opt, 0, 2);
        f.AssertParamsAfter("sgd_dampening", 1 + 1, 0);
        f.AssertState(opt, "sgd_dampening", 0, "momentum_buffer");
    }

    [Test]
    public void Plain_sgd_keeps_no_state()
    {
        using var f = new OptimFixture();
        using var opt = optim.SGD(f.Params, lr: 0.1);
        f.Steps(opt, 0, 1);
        f.AssertParamsAfter("sgd_plain", 1, 0);
        Assert.That(opt.state, Is.Empty);
    }

    [Test]
    public void Param_groups_use_their_own_lr_and_weight_decay()
    {
        using var f = new OptimFixture();
        using var opt = optim.SGD([new ParamGroup([f.Params[0]]), new ParamGroup([f.Params[1]], lr: 0.01, weight_decay: 0.5)],
            lr: 0.1, momentum: 0.9);
        Assert.Multiple(() =>
        {
            Assert.That(opt.param_groups[0].lr, Is.EqualTo(0.1));
            Assert.That(opt.param_groups[0].weight_decay, Is.EqualTo(0));
            Assert.That(opt.param_groups[1].lr, Is.EqualTo(0.01));
            Assert.That(opt.param_groups[1]["momentum"], Is.EqualTo(0.9));
        });
        f.Steps(opt, 0, 2);
        f.AssertParamsAfter("sgd_groups", 2, 0);
        f.AssertState(opt, "sgd_groups", 0, "momentum_buffer");
    }

    [Test]
    public void Parameters_without_gradient_are_skipped_and_zero_grad_clears()
    {
        using var f = new OptimFixture();
        using var before = f.Params[1].clone();
        using var opt = optim.SGD(f.Params, lr: 0.1, momentum: 0.9);
        f.SetGrads(0);
        f.Params[1].grad = null;
        opt.step();
        Tests.Modules.ModuleFixtures.AssertClose(f.Params[1], before, 0, "no grad, no change");
        Assert.That(opt.state.ContainsKey(f.Params[1]), Is.False);
        opt.zero_grad();
        Assert.That(f.Params.All(p => p.grad is null), Is.True);
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        using var f = new OptimFixture();
        Assert.Multiple(() =>
        {
            Assert.That(() => optim.SGD(f.Params, lr: -1), Throws.ArgumentException.With.Message.EqualTo("Invalid learning rate: -1"));
            Assert.That(() => optim.SGD(f.Params, lr: 0.1, nesterov: true), Throws.ArgumentException);
            Assert.That(() => optim.SGD([new ParamGroup([f.Params[0]]), new ParamGroup([f.Params[0]])], lr: 0.1), Throws.ArgumentException);
        });
    }
}
