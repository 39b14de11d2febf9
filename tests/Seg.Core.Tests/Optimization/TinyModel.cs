using Seg.Torch;
using Seg.Torch.Modules;

namespace Seg.Core.Tests.Optimization;

/// <summary>backbone (Linear 2→1) and head (Linear 2→1) in float64, with known parameter values.</summary>
internal static class TinyModel
{
    internal static Sequential Create()
    {
        var model = torch.nn.Sequential(
            ("backbone", torch.nn.Linear(2, 1, dtype: ScalarType.Float64)),
            ("head", torch.nn.Linear(2, 1, dtype: ScalarType.Float64)));
        Set(model, "backbone.weight", [0.5, -1.0]);
        Set(model, "backbone.bias", [0.25]);
        Set(model, "head.weight", [2.0, 3.0]);
        Set(model, "head.bias", [-0.5]);
        return model;
    }

    internal static Parameter Param(Module model, string name) => model.named_parameters().Single(p => p.name == name).parameter;

    internal static double[] Values(Module model, string name) => Param(model, name).data<double>();

    internal static void Set(Module model, string name, double[] values)
    {
        var p = Param(model, name);
        using var noGrad = torch.no_grad();
        using var src = torch.tensor(values, p.shape, ScalarType.Float64);
        p.copy_(src);
    }

    internal static void SetGrad(Module model, string name, double[] values)
    {
        var p = Param(model, name);
        using var g = torch.tensor(values, p.shape, ScalarType.Float64);
        p.grad = g;
    }
}
