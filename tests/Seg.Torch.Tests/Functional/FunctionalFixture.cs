namespace Seg.Torch.Tests.Functional;

// Replays the cases of tests/fixtures/make_functional.py: inputs `name.arg`, output `name.out`,
// cotangent `name.go` and PyTorch's input gradients `name.grad.arg`.
internal sealed class FunctionalFixture : IDisposable
{
    private readonly SafeTensorsFile file;

    internal FunctionalFixture(string fileName) =>
        file = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "functional", fileName));

    internal Tensor this[string name] => file[name];

    internal bool Contains(string name) => file.Contains(name);

    /// <summary>
    /// Runs <paramref name="fn"/> on fresh leaves holding the case's inputs (floating ones require grad
    /// unless listed in <paramref name="constant"/>), compares the output with PyTorch's and, when the
    /// fixture has a cotangent, every recorded input gradient.
    /// </summary>
    internal void Check(string name, Func<IReadOnlyDictionary<string, Tensor>, Tensor> fn, double atol = 1e-5, double rtol = 1e-4, params string[] constant)
    {
        using var scope = torch.NewDisposeScope();
        var prefix = name + ".";
        var args = new Dictionary<string, Tensor>();
        foreach (var (key, value) in file.Tensors)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var arg = key[prefix.Length..];
            if (arg is "out" or "go" || arg.StartsWith("grad.", StringComparison.Ordinal) || arg.Contains('.', StringComparison.Ordinal)) continue;
            var leaf = value.detach();
            if (IsFloating(value.dtype) && !constant.Contains(arg)) leaf.requires_grad = true;
            args[arg] = leaf;
        }
        Assert.That(args, Is.Not.Empty, $"fixture has no inputs for {name}");

        var output = fn(args);
        AssertClose(output, file[name + ".out"], atol, rtol, name + " forward");

        if (!file.Contains(name + ".go")) return;
        var wrt = args.Where(a => file.Contains($"{name}.grad.{a.Key}")).ToArray();
        Assert.That(wrt, Is.Not.Empty, $"fixture has no gradients for {name}");
        var grads = torch.autograd.grad([output], wrt.Select(a => a.Value).ToArray(), [file[name + ".go"]]);
        for (var i = 0; i < wrt.Length; i++)
            AssertClose(grads[i]!, file[$"{name}.grad.{wrt[i].Key}"], atol, rtol, $"{name} d/d{wrt[i].Key}");
    }

    internal static bool IsFloating(ScalarType t) => t is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;

    /// <summary>Same shape and dtype; floating values within atol + rtol * |expected|, others exactly.</summary>
    internal static void AssertClose(Tensor actual, Tensor expected, double atol = 1e-5, double rtol = 1e-4, string what = "")
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        Assert.That(actual.dtype, Is.EqualTo(expected.dtype), $"{what}: dtype");
        if (!IsFloating(expected.dtype))
        {
            using var a64 = actual.to(ScalarType.Int64);
            using var e64 = expected.to(ScalarType.Int64);
            Assert.That(a64.data<long>(), Is.EqualTo(e64.data<long>()), $"{what}: values");
            return;
        }
        var a = Doubles(actual);
        var e = Doubles(expected);
        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < e.Length; i++)
        {
            var excess = Math.Abs(a[i] - e[i]) - (atol + rtol * Math.Abs(e[i]));
            if (excess > worstExcess || double.IsNaN(a[i]) != double.IsNaN(e[i])) { worst = i; worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess; }
        }
        Assert.That(worst, Is.EqualTo(-1), () => $"{what}: element {worst} is {a[worst]}, expected {e[worst]} (atol {atol}, rtol {rtol})");
    }

    internal static double[] Doubles(Tensor t)
    {
        using var detached = t.detach();
        using var d = detached.to(ScalarType.Float64);
        return d.data<double>();
    }

    public void Dispose() => file.Dispose();
}
