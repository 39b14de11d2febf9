namespace Seg.Models.Tests.Losses;

// Replays tests/fixtures/make_losses.py: per case `name.logits`, `name.labels`, the loss `name.out` and
// (when differentiable) PyTorch's `name.grad` = d out / d logits.
internal sealed class LossFixture : IDisposable
{
    private readonly SafeTensorsFile file;

    internal LossFixture(string fileName) =>
        file = SafeTensors.Load(Path.Combine(TestPaths.Fixtures, "losses", fileName));

    internal Tensor this[string name] => file[name];

    internal bool Contains(string name) => file.Contains(name);

    /// <summary>Evaluates <paramref name="loss"/> on the case's inputs; checks the value and, when recorded, the gradient.</summary>
    internal void Check(string name, Func<Tensor, Tensor, Tensor> loss, double atol = 1e-5, double rtol = 1e-5)
    {
        using var scope = torch.NewDisposeScope();
        var logits = file[name + ".logits"].detach();
        logits.requires_grad = true;
        var value = loss(logits, file[name + ".labels"]);
        AssertClose(value, file[name + ".out"], atol, rtol, name + " value");
        if (!file.Contains(name + ".grad")) return;
        var grad = torch.autograd.grad([value], [logits])[0]!;
        AssertClose(grad, file[name + ".grad"], atol, rtol, name + " d/dlogits");
    }

    /// <summary>Same shape; values within atol + rtol · |expected|.</summary>
    internal static void AssertClose(Tensor actual, Tensor expected, double atol = 1e-5, double rtol = 1e-5, string what = "")
    {
        Assert.That(actual.shape, Is.EqualTo(expected.shape), $"{what}: shape");
        var a = Doubles(actual);
        var e = Doubles(expected);
        for (var i = 0; i < e.Length; i++)
        {
            if (!(Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i])))
                Assert.Fail($"{what}: element {i} is {a[i]}, expected {e[i]} (atol {atol}, rtol {rtol})");
        }
    }

    internal static double[] Doubles(Tensor t)
    {
        using var detached = t.detach();
        using var d = detached.to(ScalarType.Float64);
        return d.data<double>();
    }

    public void Dispose() => file.Dispose();
}
