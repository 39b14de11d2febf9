using Seg.Torch.Modules;
using Seg.Torch.Optim;

namespace Seg.Torch;

// Optimizer factories, as torch.optim (PyTorch's argument names and defaults).
public static partial class torch
{
    public static partial class optim
    {
        public static SGD SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

        public static SGD SGD(IEnumerable<ParamGroup> param_groups, double lr, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(param_groups, lr, momentum, dampening, weight_decay, nesterov, maximize);

        public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null,
            double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static Adam Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null,
            double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null,
            double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static AdamW AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null,
            double eps = 1e-8, double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);
    }
}
