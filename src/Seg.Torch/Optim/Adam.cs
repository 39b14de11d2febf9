using Seg.Torch.Modules;
using Seg.Torch.Native;

namespace Seg.Torch.Optim;

/// <summary>
/// Adam (L2 weight decay added to the gradient) and, with decoupled weight decay, AdamW: PyTorch 1.13's
/// single-tensor algorithm, one fused native call per parameter. State: "exp_avg", "exp_avg_sq",
/// "max_exp_avg_sq" (amsgrad) and the step count.
/// </summary>
public class Adam : Optimizer
{
    private readonly bool decoupled;

    public Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(param_groups, lr, betas ?? (0.9, 0.999), eps, weight_decay, amsgrad, maximize, decoupled: false)
    {
    }

    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, betas ?? (0.9, 0.999), eps, weight_decay, amsgrad, maximize, decoupled: false)
    {
    }

    private protected Adam(IEnumerable<ParamGroup> param_groups, double lr, (double, double) betas, double eps,
        double weight_decay, bool amsgrad, bool maximize, bool decoupled)
        : base(param_groups, new Dictionary<string, double>
        {
            ["lr"] = lr, ["beta1"] = betas.Item1, ["beta2"] = betas.Item2, ["eps"] = eps, ["weight_decay"] = weight_decay,
            ["amsgrad"] = amsgrad ? 1 : 0, ["maximize"] = maximize ? 1 : 0,
        })
    {
        this.decoupled = decoupled;
    }

    protected override bool SavesStep => true;

    protected override void Validate(ParamGroup group)
    {
        base.Validate(group);
        if (group["eps"] < 0) throw new ArgumentException($"Invalid epsilon value: {group["eps"]}");
        if (group["beta1"] is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {group["beta1"]}");
        if (group["beta2"] is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {group["beta2"]}");
    }

    public override unsafe void step()
    {
        var created = stackalloc IntPtr[3];
        foreach (var g in param_groups)
        {
            double lr = g.lr, beta1 = g["beta1"], beta2 = g["beta2"], eps = g["eps"], wd = g.weight_decay;
            var amsgrad = g["amsgrad"] != 0;
            var maximize = g["maximize"] != 0 ? 1 : 0;
            foreach (var p in g.parameters)
            {
                var s = GetState(p);
                Tensor? m = s?.Get("exp_avg"), v = s?.Get("exp_avg_sq"), vmax = s?.Get("max_exp_avg_sq");
                if (amsgrad && s != null && vmax is null)
                    throw new InvalidOperationException("amsgrad was switched on after steps without it (no max_exp_avg_sq state)");
                var stepAfter = (s?.step ?? 0) + 1;
                var rc = LibSegNative.seg_optim_adam_step(p.handle, m?.Handle ?? IntPtr.Zero, v?.Handle ?? IntPtr.Zero,
                    vmax?.Handle ?? IntPtr.Zero, stepAfter, lr, beta1, beta2, eps, wd, amsgrad ? 1 : 0, maximize,
                    decoupled ? 1 : 0, created, out var stepped);
                GC.KeepAlive(m);
                GC.KeepAlive(v);
                GC.KeepAlive(vmax);
                Tensor.Check(rc);
                if (stepped == 0) continue;
                if (created[0] != IntPtr.Zero)
                {
                    s = NewState(p);
                    s.Set("exp_avg", new Tensor(created[0]));
                    s.Set("exp_avg_sq", new Tensor(created[1]));
                    if (created[2] != IntPtr.Zero) s.Set("max_exp_avg_sq", new Tensor(created[2]));
                }
                s!.step = stepAfter;
            }
        }
    }
}

/// <summary>Adam with decoupled weight decay (Loshchilov and Hutter); PyTorch's defaults, weight_decay 0.01.</summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : base(param_groups, lr, betas ?? (0.9, 0.999), eps, weight_decay, amsgrad, maximize, decoupled: true)
    {
    }

    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : base([new ParamGroup(parameters)], lr, betas ?? (0.9, 0.999), eps, weight_decay, amsgrad, maximize, decoupled: true)
    {
    }
}
