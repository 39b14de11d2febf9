using Seg.Torch.Modules;
using Seg.Torch.Optim;
using Seg.Torch.Tests.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Optim;

public class LRSchedulerTests
{
    private static double[] Run(Func<Optimizer, LRScheduler> make)
    {
        using var z = zeros(1);
        using var p = new Parameter(z);
        using var opt = optim.SGD([p], lr: 0.1);
        var sched = make(opt);
        var lrs = new List<double> { opt.param_groups[0].lr };
        for (var i = 0; i < 11; i++)
        {
            opt.step();
            sched.step();
            lrs.Add(opt.param_groups[0].lr);
        }
        Assert.That(sched.get_last_lr()[0], Is.EqualTo(lrs[^1]));
        return [.. lrs];
    }

    [Test]
    public void StepLR_and_PolynomialLR_equal_pytorch()
    {
        using var f = ModuleFixtures.Load("optim.safetensors");
        Assert.Multiple(() =>
        {
            Assert.That(Run(o => optim.lr_scheduler.StepLR(o, step_size: 3, gamma: 0.5)), Is.EqualTo(f["sched.step_lr"].data<double>()));
            Assert.That(Run(o => optim.lr_scheduler.PolynomialLR(o, total_iters: 8, power: 0.9)), Is.EqualTo(f["sched.poly_lr"].data<double>()));
        });
    }

    [Test]
    public void Each_group_is_scheduled_from_its_own_initial_lr()
    {
        using var a0 = zeros(1);
        using var b0 = zeros(1);
        using var a = new Parameter(a0);
        using var b = new Parameter(b0);
        using var opt = optim.SGD([new ParamGroup([a]), new ParamGroup([b], lr: 1.0)], lr: 0.1);
        var sched = optim.lr_scheduler.LambdaLR(opt, e => 1.0 / (e + 1));
        sched.step();
        Assert.Multiple(() =>
        {
            Assert.That(sched.base_lrs, Is.EqualTo(new[] { 0.1, 1.0 }));
            Assert.That(opt.param_groups[0].lr, Is.EqualTo(0.05));
            Assert.That(opt.param_groups[1].lr, Is.EqualTo(0.5));
            Assert.That(opt.param_groups[1]["initial_lr"], Is.EqualTo(1.0));
        });
    }
}
