using Seg.Torch.Modules;
using Seg.Torch.Native;

namespace Seg.Torch.Optim;

/// <summary>Stochastic gradient descent with momentum, dampening, weight decay and Nesterov momentum (PyTorch's
/// algorithm; one fused native call per parameter). State: "momentum_buffer".</summary>
public sealed class SGD : Optimizer
{
    public SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0,
        double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(param_groups, new Dictionary<string, double>
        {
            ["lr"] = lr, ["momentum"] = momentum, ["dampening"] = dampening, ["weight_decay"] = weight_decay,
            ["nesterov"] = nesterov ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
        })
    {
    }

    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
        double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    protected override void Validate(ParamGroup group)
    {
        base.Validate(group);
        if (group["momentum"] < 0) throw new ArgumentException($"Invalid momentum value: {group["momentum"]}");
        if (group["nesterov"] != 0 && (group["momentum"] <= 0 || group["dampening"] != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
    }

    public override void step()
    {
        foreach (var g in param_groups)
        {
            double lr = g.lr, momentum = g["momentum"], dampening = g["dampening"], wd = g.weight_decay;
            int nesterov = g["nesterov"] != 0 ? 1 : 0, maximize = g["maximize"] != 0 ? 1 : 0;
            foreach (var p in g.parameters)
            {
                var s = GetState(p);
                var buf = s?.Get("momentum_buffer");
                var rc = LibSegNative.seg_optim_sgd_step(p.handle, buf?.Handle ?? IntPtr.Zero, lr, momentum, dampening, wd,
                    nesterov, maximize, out var created);
                GC.KeepAlive(buf);
                Tensor.Check(rc);
                if (created != IntPtr.Zero) (s ?? NewState(p)).Set("momentum_buffer", new Tensor(created));
            }
        }
    }
}
