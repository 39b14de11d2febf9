namespace Seg.Torch.Tests.Autograd;

// Finite-difference gradient check in float64: for a random cotangent v, the central difference of
// <v, f(x)> in each input element must match autograd.grad(f(x), x, grad_outputs: v).
internal static class GradCheck
{
    internal sealed record Input(double[] Values, long[] Shape);

    internal static Input Random(int seed, params long[] shape)
    {
        var rng = new Random(seed);
        var n = shape.Aggregate(1L, (a, b) => a * b);
        return new Input(Enumerable.Range(0, (int)n).Select(_ => rng.NextDouble() * 4 - 2).ToArray(), shape);
    }

    internal static void Check(Func<Tensor[], Tensor> f, Input[] inputs, double eps = 1e-6, double atol = 1e-6, double rtol = 1e-4, int seed = 7)
    {
        using var scope = torch.NewDisposeScope();
        var leaves = inputs.Select(i => torch.tensor(i.Values, i.Shape, requires_grad: true)).ToArray();
        var y = f(leaves);
        Assert.That(y.dtype, Is.EqualTo(ScalarType.Float64), "gradcheck runs in float64");
        var rng = new Random(seed);
        var v = Enumerable.Range(0, (int)y.numel()).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var analytic = torch.autograd.grad([y], leaves, [torch.tensor(v, y.shape)]);

        var largest = 0.0;
        for (var k = 0; k < inputs.Length; k++)
        {
            Assert.That(analytic[k], Is.Not.Null, $"input {k} has no gradient");
            var a = analytic[k]!.data<double>();
            for (var j = 0; j < inputs[k].Values.Length; j++)
            {
                var numeric = (Dot(v, Eval(f, inputs, k, j, eps)) - Dot(v, Eval(f, inputs, k, j, -eps))) / (2 * eps);
                largest = Math.Max(largest, Math.Abs(numeric));
                Assert.That(a[j], Is.EqualTo(numeric).Within(atol + rtol * Math.Abs(numeric)), $"input {k}, element {j}");
            }
        }
        Assert.That(largest, Is.GreaterThan(1e-3), "every gradient is zero: the check would prove nothing");
    }

    private static double[] Eval(Func<Tensor[], Tensor> f, Input[] inputs, int k, int j, double delta)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var xs = inputs.Select((input, i) =>
        {
            var values = (double[])input.Values.Clone();
            if (i == k) values[j] += delta;
            return torch.tensor(values, input.Shape);
        }).ToArray();
        return f(xs).data<double>();
    }

    private static double Dot(double[] a, double[] b)
    {
        Assert.That(b, Has.Length.EqualTo(a.Length));
        var s = 0.0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
