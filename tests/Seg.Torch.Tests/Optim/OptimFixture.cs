using Seg.Torch.Modules;
using Seg.Torch.Optim;
using Seg.Torch.Tests.Modules;

namespace Seg.Torch.Tests.Optim;

// Runs an optimizer over optim.safetensors' parameters and gradients and compares with PyTorch's results.
internal sealed class OptimFixture : IDisposable
{
    internal readonly SafeTensorsFile File = ModuleFixtures.Load("optim.safetensors");
    internal readonly Parameter[] Params;

    internal OptimFixture()
    {
        using var p0 = File["p0"].clone();
        using var p1 = File["p1"].clone();
        Params = [new Parameter(p0), new Parameter(p1)];
    }

    /// <summary>Sets the gradients of step k (0-based) as PyTorch's fixture did.</summary>
    internal void SetGrads(int k)
    {
        for (var i = 0; i < Params.Length; i++)
        {
            using var g = File[$"g{k}.{i}"].clone();
            Params[i].grad = g;
        }
    }

    internal void Steps(Optimizer opt, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            SetGrads(k);
            opt.step();
        }
    }

    internal void AssertParamsAfter(string name, int step, double tol)
    {
        for (var i = 0; i < Params.Length; i++)
            ModuleFixtures.AssertClose(Params[i], File[$"{name}.step{step}.p{i}"], tol, $"{name} step {step} p{i}");
    }

    internal void AssertState(Optimizer opt, string name, double tol, params string[] keys)
    {
        for (var i = 0; i < Params.Length; i++)
        {
            var s = opt.state[Params[i]];
            foreach (var key in keys)
            {
                var expected = File[$"{name}.state.p{i}.{key}"];
                if (key == "step") Assert.That((double)s.step, Is.EqualTo(expected.item<float>()), $"{name} p{i} step");
                else ModuleFixtures.AssertClose(s.tensors[key], expected, tol, $"{name} p{i} {key}");
            }
        }
    }

    public void Dispose()
    {
        foreach (var p in Params) p.Dispose();
        File.Dispose();
    }
}
