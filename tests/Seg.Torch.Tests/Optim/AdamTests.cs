using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Optim;

public class AdamTests
{
    [Test]
    public void One_AdamW_step_with_pytorch_defaults_equals_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.AdamW(f.Params, lr: 0.01);
        Assert.That(opt.param_groups[0].weight_decay, Is.EqualTo(0.01));
        f.Steps(opt, 0, 1);
        f.AssertParamsAfter("adamw", 1, 0);
        f.AssertState(opt, "adamw", 0, "exp_avg", "exp_avg_sq", "step");
    }

    [Test]
    public void Three_AdamW_steps_equal_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.AdamW(f.Params, lr: 0.01, weight_decay: 0.05);
        f.Steps(opt, 0, 3);
        f.AssertParamsAfter("adamw_3", 3, 0);
        f.AssertState(opt, "adamw_3", 0, "exp_avg", "exp_avg_sq", "step");
    }

    [Test]
    public void Three_Adam_steps_with_l2_weight_decay_equal_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.Adam(f.Params, lr: 0.02, betas: (0.8, 0.99), weight_decay: 0.1);
        for (var k = 0; k < 3; k++)
        {
            f.Steps(opt, k, k + 1);
            f.AssertParamsAfter("adam", k + 1, 0);
        }
        f.AssertState(opt, "adam", 0, "exp_avg", "exp_avg_sq", "step");
    }

    [Test]
    public void Amsgrad_equals_pytorch()
    {
        using var f = new OptimFixture();
        using var opt = optim.Adam(f.Params, lr: 0.02, amsgrad: true);
        f.Steps(opt, 0, 3);
        f.AssertParamsAfter("adam_amsgrad", 3, 0);
        f.AssertState(opt, "adam_amsgrad", 0, "exp_avg", "exp_avg_sq", "max_exp_avg_sq", "step");
    }

    [Test]
    public void Stepping_leaks_no_tensors_into_an_open_scope()
    {
        using var f = new OptimFixture();
        using var opt = optim.Adam(f.Params, lr: 0.02);
        using var scope = NewDisposeScope();
        f.Steps(opt, 0, 2);
        Assert.That(scope.DisposablesCount, Is.Zero);
    }
}
