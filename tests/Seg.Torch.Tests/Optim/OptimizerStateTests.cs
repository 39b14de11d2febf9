using Seg.Torch.Optim;
using Seg.Torch.Tests.Modules;
using static Seg.Torch.torch;

namespace Seg.Torch.Tests.Optim;

public class OptimizerStateTests
{
    private static Optimizer Make(string kind, OptimFixture f) => kind switch
    {
        "sgd" => optim.SGD(f.Params, lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-2),
        "adam" => optim.Adam(f.Params, lr: 0.02, amsgrad: true),
        _ => optim.AdamW(f.Params, lr: 0.01, weight_decay: 0.05),
    };

    [TestCase("sgd")]
    [TestCase("adam")]
    [TestCase("adamw")]
    public void Save_load_continue_equals_uninterrupted(string kind)
    {
        using var straight = new OptimFixture();
        using (var opt = Make(kind, straight)) straight.Steps(opt, 0, 3);

        var path = Path.Combine(Path.GetTempPath(), $"seg-optim-{Guid.NewGuid():N}.safetensors");
        try
        {
            using var resumed = new OptimFixture();
            using (var first = Make(kind, resumed))
            {
                resumed.Steps(first, 0, 2);
                first.save_state_dict(path);
            }
            // A fresh optimizer (as after a restart) over the same (already updated) parameters.
            using var second = Make(kind, resumed);
            second.load_state_dict(path);
            resumed.Steps(second, 2, 3);
            for (var i = 0; i < 2; i++) ModuleFixtures.AssertClose(resumed.Params[i], straight.Params[i], 0, $"{kind} p{i}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void State_dict_holds_pytorch_layout_and_restores_hyper_parameters()
    {
        using var f = new OptimFixture();
        using var opt = optim.Adam([new ParamGroup([f.Params[0]]), new ParamGroup([f.Params[1]], lr: 0.5)], lr: 0.02);
        f.Steps(opt, 0, 1);
        using var sd = opt.state_dict();
        Assert.Multiple(() =>
        {
            Assert.That(sd.optimizer, Is.EqualTo("Adam"));
            Assert.That(sd.state.Keys, Is.EqualTo(new[] { "0.exp_avg", "0.exp_avg_sq", "0.step", "1.exp_avg", "1.exp_avg_sq", "1.step" }));
            Assert.That(sd.param_groups.Select(g => g.@params.ToArray()), Is.EqualTo(new[] { new[] { 0 }, new[] { 1 } }));
            Assert.That(sd.param_groups[1].options["lr"], Is.EqualTo(0.5));
        });
        opt.param_groups[1].lr = 7;
        opt.load_state_dict(sd);
        Assert.That(opt.param_groups[1].lr, Is.EqualTo(0.5));
        using var sgd = optim.SGD(f.Params, lr: 0.1);
        Assert.That(() => sgd.load_state_dict(sd), Throws.ArgumentException);
    }
}
